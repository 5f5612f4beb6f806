/**
 * DeepL glossaries on the account, through real HTTP to the test server: v3 by default (one
 * glossary per content hash, holding the run's fr→en dictionary), v2 on a server without /v3,
 * never deleted by a run, pruned on request.
 */
import * as deepl from 'deepl-node';
import { afterEach, describe, expect, it } from 'vitest';
import { glossarySpec } from '../../src/providers/deepl/glossary.js';
import { createDeepl, pruneDeeplGlossaries } from '../../src/providers/deepl.js';
import type { ProviderTerm } from '../../src/providers/provider.js';
import { type DeeplServer, type DeeplServerOptions, startDeeplServer } from '../support/deepl-server.js';
import { defined } from '../support/defined.js';

const KEY = 'versio-test-key:fx';
const TERMS: ProviderTerm[] = [
  { source: 'Lyon', target: 'Lyon' },
  { source: 'conseil municipal', target: 'city council' },
];
const DAY_MS = 86_400_000;

let server: DeeplServer | undefined;
const start = async (options: DeeplServerOptions = {}) => {
  server = await startDeeplServer({ authKeys: [KEY], ...options });
  return server;
};
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const env = (s: DeeplServer) => ({ DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: s.url });
/** deepl-node straight to the test server: what another tool (or an older Versio) leaves on the account. */
const client = (s: DeeplServer) => new deepl.DeepLClient(KEY, { serverUrl: s.url, maxRetries: 0 });

async function translateWith(
  s: DeeplServer,
  terms: readonly ProviderTerm[],
  text = 'Le conseil municipal de Lyon a voté.',
) {
  const provider = await createDeepl({
    sourceLang: 'fr',
    targetLang: 'en',
    providerTerms: terms,
    env: env(s),
  });
  const result = await provider.translate([{ id: 'p1.s1', text }], new AbortController().signal);
  return { provider, text: result.texts[0] };
}

describe('deepl glossary sync (v3)', () => {
  it('creates one v3 glossary named by content hash, holding the fr→en dictionary, and translates with it', async () => {
    const s = await start();
    const { text } = await translateWith(s, TERMS);
    const glossaries = s.glossaries(KEY);
    expect(glossaries).toHaveLength(1);
    expect(glossaries[0]).toMatchObject({
      api: 'v3',
      dictionaries: [
        {
          source_lang: 'fr',
          target_lang: 'en',
          entries: { Lyon: 'Lyon', 'conseil municipal': 'city council' },
        },
      ],
    });
    expect(glossaries[0]?.name).toMatch(/^versio-[0-9a-f]{16}$/);
    expect(s.stats().glossaryRequests.v2).toBe(0);
    expect(s.stats().translations[0]?.glossaryId).toBe(glossaries[0]?.glossary_id);
    // The server applied the dictionary: 'conseil municipal' came back as its glossary target.
    expect(text).toBe('EN-US: Le city council de Lyon a voté.');
  });

  it('reuses the glossary when the terms are unchanged (in any order)', async () => {
    const s = await start();
    await translateWith(s, TERMS);
    const first = s.glossaries(KEY)[0]?.glossary_id;
    await translateWith(s, [...TERMS].reverse());
    expect(s.stats().glossaryCreates).toBe(1);
    expect(s.glossaries(KEY).map((g) => g.glossary_id)).toEqual([first]);
  });

  it('creates a new glossary when the terms change and deletes none (another run may use the old one)', async () => {
    const s = await start();
    await translateWith(s, TERMS);
    await translateWith(s, [...TERMS, { source: 'mairie', target: 'town hall' }]);
    const glossaries = s.glossaries(KEY);
    expect(s.stats().glossaryCreates).toBe(2);
    expect(s.stats().glossaryDeletes).toBe(0);
    expect(glossaries).toHaveLength(2);
    const [used] = s.stats().translations.slice(-1);
    expect(glossaries.find((g) => g.glossary_id === used?.glossaryId)?.entries).toHaveProperty(
      'mairie',
      'town hall',
    );
  });

  it('reuses the glossary an older run created through v2 under the same name', async () => {
    const s = await start();
    const spec = defined(glossarySpec(TERMS, 'fr', 'en-US'), 'the glossary spec');
    const older = await client(s).createGlossary(
      spec.name,
      'fr',
      'en',
      new deepl.GlossaryEntries({ entries: spec.entries }),
    );
    await translateWith(s, TERMS);
    expect(s.stats().glossaryCreates).toBe(1);
    expect(s.stats().translations[0]?.glossaryId).toBe(older.glossaryId);
  });

  it('does not reuse a glossary of its name that was edited since (it no longer holds what the name says)', async () => {
    const s = await start();
    await translateWith(s, TERMS);
    const edited = defined(s.glossaries(KEY)[0], 'the glossary of the first run');
    await client(s).updateMultilingualGlossaryDictionary(edited.glossary_id, {
      sourceLangCode: 'fr',
      targetLangCode: 'en',
      entries: new deepl.GlossaryEntries({ entries: { mairie: 'town hall' } }),
    });
    await translateWith(s, TERMS);
    expect(s.stats().glossaryCreates).toBe(2);
    expect(s.stats().translations[1]?.glossaryId).not.toBe(edited?.glossary_id);
  });

  it('sends no glossary and creates none without provider terms', async () => {
    const s = await start();
    await translateWith(s, []);
    expect(s.stats().glossaryCreates).toBe(0);
    expect(s.stats().translations[0]?.glossaryId).toBeUndefined();
  });

  it('syncs once for several batches', async () => {
    const s = await start();
    const { provider } = await translateWith(s, TERMS);
    await provider.translate([{ id: 'p2.s1', text: 'La mairie de Lyon.' }], new AbortController().signal);
    const listing = s.stats().translations.map((t) => t.glossaryId);
    expect(new Set(listing).size).toBe(1);
    expect(s.stats().glossaryCreates).toBe(1);
    // list + create + two translations: the glossary was not looked up again.
    expect(s.stats().requests).toBe(4);
  });

  it('works on a server that speaks only v3 glossaries', async () => {
    const s = await start({ glossaryApis: ['v3'] });
    const { text } = await translateWith(s, TERMS);
    expect(text).toBe('EN-US: Le city council de Lyon a voté.');
    expect(s.stats().glossaryRequests).toEqual({ v2: 0, v3: 2 });
  });
});

describe('deepl glossary sync on a server without /v3 (v2 fallback)', () => {
  it('creates a v2 glossary after one 404 from /v3/glossaries, and translates with it', async () => {
    const s = await start({ glossaryApis: ['v2'] });
    const { text } = await translateWith(s, TERMS);
    expect(s.glossaries(KEY)).toMatchObject([{ api: 'v2', source_lang: 'fr', target_lang: 'en' }]);
    expect(s.stats().statuses['404']).toBe(1);
    expect(s.stats().glossaryRequests).toEqual({ v2: 2, v3: 1 });
    expect(text).toBe('EN-US: Le city council de Lyon a voté.');
  });

  it('reuses it on the next run', async () => {
    const s = await start({ glossaryApis: ['v2'] });
    await translateWith(s, TERMS);
    await translateWith(s, TERMS);
    expect(s.stats().glossaryCreates).toBe(1);
  });
});

describe('versio glossary prune --provider deepl', () => {
  /** Four glossaries: versio- ones through v3 (by a run) and v2 (an older run), old and new, and another tool's. */
  async function account(s: DeeplServer) {
    await translateWith(s, TERMS);
    const [v3Old] = s.glossaries(KEY);
    const entries = new deepl.GlossaryEntries({ entries: { mairie: 'town hall' } });
    const v2Old = await client(s).createGlossary('versio-00000000000000aa', 'fr', 'en', entries);
    const fresh = await client(s).createMultilingualGlossary('versio-00000000000000bb', [
      { sourceLangCode: 'fr', targetLangCode: 'en', entries },
    ]);
    const foreign = await client(s).createMultilingualGlossary('newsroom-terms', [
      { sourceLangCode: 'fr', targetLangCode: 'en', entries },
    ]);
    for (const id of [defined(v3Old, 'the v3 glossary').glossary_id, v2Old.glossaryId, foreign.glossaryId])
      s.backdateGlossary(KEY, id, 40);
    return {
      v3Old: defined(v3Old, 'the v3 glossary').name,
      v2Old: v2Old.name,
      fresh: fresh.name,
      foreign: foreign.name,
    };
  }
  const names = (s: DeeplServer) => s.glossaries(KEY).map((g) => g.name);

  it("--older-than deletes Versio's older glossaries through v3, whichever API created them, and nothing else", async () => {
    const s = await start();
    const { v3Old, v2Old, fresh, foreign } = await account(s);
    const deleted = await pruneDeeplGlossaries(env(s), 30 * DAY_MS);
    expect(deleted.sort()).toEqual([v2Old, v3Old].sort());
    expect(names(s).sort()).toEqual([foreign, fresh].sort());
    expect(s.stats().glossaryRequests.v2).toBe(1); // the older run's create, none by prune

    expect(await pruneDeeplGlossaries(env(s), undefined)).toEqual([fresh]);
    expect(names(s)).toEqual([foreign]);
  });

  it('outlasts the server’s rate limit: every glossary deleted, none left for a 429', async () => {
    // The server's own options object: the limit is switched on once the account is filled.
    const options: DeeplServerOptions = { authKeys: [KEY] };
    server = await startDeeplServer(options);
    const s = server;
    const entries = new deepl.GlossaryEntries({ entries: { mairie: 'town hall' } });
    const created: string[] = [];
    for (let i = 0; i < 6; i++) {
      const name = `versio-${String(i).padStart(16, '0')}`;
      await client(s).createMultilingualGlossary(name, [
        { sourceLangCode: 'fr', targetLangCode: 'en', entries },
      ]);
      created.push(name);
    }
    // From now on, two requests in any rolling second; the listing and six deletions need four seconds.
    options.slidingLimit = { rate: 2, windowMs: 1000 };
    expect((await pruneDeeplGlossaries(env(s), undefined)).sort()).toEqual(created);
    expect(names(s)).toEqual([]);
  });

  it('prunes through v2 on a server without /v3', async () => {
    const s = await start({ glossaryApis: ['v2'] });
    await translateWith(s, TERMS);
    const old = defined(s.glossaries(KEY)[0], 'the glossary of the first run');
    s.backdateGlossary(KEY, old.glossary_id, 2);
    await translateWith(s, [...TERMS, { source: 'mairie', target: 'town hall' }]);
    expect(await pruneDeeplGlossaries(env(s), DAY_MS)).toEqual([old?.name]);
    expect(s.glossaries(KEY)).toHaveLength(1);
  });
});
