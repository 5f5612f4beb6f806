import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeepl } from '../../src/providers/deepl.js';
import type { ProviderTerm } from '../../src/providers/provider.js';
import { type DeeplServer, startDeeplServer } from '../support/deepl-server.js';

const KEY = 'versio-test-key:fx';
const TERMS: ProviderTerm[] = [
  { source: 'Lyon', target: 'Lyon' },
  { source: 'conseil municipal', target: 'city council' },
];

let server: DeeplServer;
beforeEach(async () => {
  server = await startDeeplServer({ authKeys: [KEY] });
});
afterEach(async () => {
  await server.close();
});

async function translateWith(terms: readonly ProviderTerm[], text = 'Le conseil municipal de Lyon a voté.') {
  const provider = await createDeepl({
    sourceLang: 'fr',
    targetLang: 'en',
    providerTerms: terms,
    env: { DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: server.url },
  });
  const result = await provider.translate([{ id: 'p1.s1', text }], new AbortController().signal);
  return { provider, text: result.texts[0] };
}

describe('deepl glossary sync', () => {
  it('creates a fr→en glossary named by content hash and translates with it', async () => {
    const { text } = await translateWith(TERMS);
    const glossaries = server.glossaries(KEY);
    expect(glossaries).toHaveLength(1);
    expect(glossaries[0]).toMatchObject({
      source_lang: 'fr',
      target_lang: 'en',
      entries: { Lyon: 'Lyon', 'conseil municipal': 'city council' },
    });
    expect(glossaries[0]?.name).toMatch(/^versio-[0-9a-f]{16}$/);
    expect(server.stats().translations[0]?.glossaryId).toBe(glossaries[0]?.glossary_id);
    expect(text).toBe('EN-US: Le city council de Lyon a voté.');
  });

  it('reuses the glossary when the terms are unchanged (in any order)', async () => {
    await translateWith(TERMS);
    const first = server.glossaries(KEY)[0]?.glossary_id;
    await translateWith([...TERMS].reverse());
    expect(server.stats().glossaryCreates).toBe(1);
    expect(server.glossaries(KEY).map((g) => g.glossary_id)).toEqual([first]);
  });

  it('creates a new glossary when the terms change and deletes none (another run may use the old one)', async () => {
    await translateWith(TERMS);
    await translateWith([...TERMS, { source: 'mairie', target: 'town hall' }]);
    const glossaries = server.glossaries(KEY);
    expect(server.stats().glossaryCreates).toBe(2);
    expect(server.stats().glossaryDeletes).toBe(0);
    expect(glossaries).toHaveLength(2);
    const [used] = server.stats().translations.slice(-1);
    expect(glossaries.find((g) => g.glossary_id === used?.glossaryId)?.entries).toHaveProperty(
      'mairie',
      'town hall',
    );
  });

  it('sends no glossary and creates none without provider terms', async () => {
    await translateWith([]);
    expect(server.stats().glossaryCreates).toBe(0);
    expect(server.stats().translations[0]?.glossaryId).toBeUndefined();
  });

  it('syncs once for several batches', async () => {
    const { provider } = await translateWith(TERMS);
    await provider.translate([{ id: 'p2.s1', text: 'La mairie de Lyon.' }], new AbortController().signal);
    const listing = server.stats().translations.map((t) => t.glossaryId);
    expect(new Set(listing).size).toBe(1);
    expect(server.stats().glossaryCreates).toBe(1);
    // list + create + two translations: the glossary was not looked up again.
    expect(server.stats().requests).toBe(4);
  });
});
