import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMain, seedArticle } from '../support/cli.js';
import { type DeeplServer, startDeeplServer } from '../support/deepl-server.js';
import { defined } from '../support/defined.js';
import { seedProject } from '../support/seed-project.js';

const KEY = 'versio-test-key:fx';
const project = seedProject;

const translateRequests = (server: DeeplServer) =>
  server.stats().translations.filter((t) => t.status === 200);

describe('versio translate --provider deepl against a DeepL-compatible server', () => {
  let server: DeeplServer;
  let dir: ReturnType<typeof project>;
  const run = (args: string[], url = server.url, key = KEY) =>
    runMain(['translate', ...args, '--provider', 'deepl', '--quiet'], {
      cwd: dir.path,
      env: { DEEPL_AUTH_KEY: key, DEEPL_SERVER_URL: url },
    });

  beforeEach(async () => {
    server = await startDeeplServer({ authKeys: [KEY] });
    dir = project();
  });
  afterEach(async () => {
    await server.close();
    dir.cleanup();
  });

  it('translates the seed article in one request of 14 segments, and a rerun sends none', async () => {
    const first = await run(['source/palmyre.fr.txt']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(translateRequests(server)).toHaveLength(1);
    expect(translateRequests(server)[0]?.texts).toHaveLength(14);
    const again = await run(['source/palmyre.fr.txt']);
    expect(again.code).toBe(0);
    expect(translateRequests(server)).toHaveLength(1);
  });

  it('sends the neighbouring sentences as context and placeholders as XML tags', async () => {
    await run(['source/palmyre.fr.txt']);
    const request = translateRequests(server)[0];
    expect(request?.context).toContain('Toutes les conditions sont en place');
    // One request for the whole article: its context is every sentence of it, each once, in order.
    const lines = request?.context?.split('\n') ?? [];
    expect(lines).toHaveLength(14);
    expect(new Set(lines).size).toBe(14);
    expect(request?.tagHandling).toBe('xml');
    expect(request?.texts.join(' ')).toMatch(/<x id="\d+"\/>/);
    const english = readFileSync(join(dir.path, 'translations/palmyre.en.txt'), 'utf8');
    expect(english).not.toMatch(/<x |__E\d+__/);
    expect(english).toContain('Palmyra');
  });

  it('re-sends only the edited sentence after an edit', async () => {
    await run(['source/palmyre.fr.txt']);
    const path = join(dir.path, 'source/palmyre.fr.txt');
    writeFileSync(path, readFileSync(path, 'utf8').replace('plus de 70 drones', 'plus de 80 drones'));
    expect((await run(['source/palmyre.fr.txt'])).code).toBe(0);
    const requests = translateRequests(server);
    expect(requests).toHaveLength(2);
    expect(requests[1]?.texts).toHaveLength(1);
    expect(requests[1]?.texts[0]).toContain('80 drones');
  });

  it('re-translates only the segments an edited glossary entry touches', async () => {
    await run(['source/palmyre.fr.txt']);
    const glossaryFile = join(dir.path, 'glossary/versio.glossary.yaml');
    const edited = readFileSync(glossaryFile, 'utf8').replace(
      'english: Tartus',
      'english: Tartus Naval Base',
    );
    expect(edited).not.toBe(readFileSync(glossaryFile, 'utf8'));
    writeFileSync(glossaryFile, edited);
    expect((await run(['source/palmyre.fr.txt'])).code).toBe(0);
    const requests = translateRequests(server);
    expect(requests).toHaveLength(2);
    expect(requests[1]?.texts).toHaveLength(1);
    expect(requests[1]?.texts[0]).toContain('(<x id=');
    expect(readFileSync(join(dir.path, 'translations/palmyre.en.txt'), 'utf8')).toContain(
      'Tartus Naval Base',
    );
  });

  // Whichever article the queue sends first is the one finished: the assertions hold for any
  // scheduling order, one document at a time or several at once.
  it.each(['1', '4'])(
    'stops with exit 4 when the quota runs out half-way (--jobs %s), keeps the finished article, and a rerun sends only the rest',
    async (jobs) => {
      await server.close();
      // Room for either article alone, not for both.
      const seedChars = [...readFileSync(seedArticle, 'utf8').replace(/\s+/g, '')].length;
      server = await startDeeplServer({ authKeys: [KEY], characterLimit: seedChars + 400 });
      const args = [
        'source/palmyre.fr.txt',
        'source/alep.fr.txt',
        '--memory',
        '.versio/tm.jsonl',
        '--jobs',
        jobs,
      ];
      const stopped = await run(args);
      expect(stopped.code).toBe(4);
      expect(stopped.stderr).toMatch(/^versio: .*quota/im);
      const answered = translateRequests(server).flatMap((r) => r.texts);
      const segments = { palmyre: 14, alep: 5 };
      const finished = (Object.keys(segments) as (keyof typeof segments)[]).filter((name) =>
        existsSync(join(dir.path, `translations/${name}.en.txt`)),
      );
      // One article finished and written whole, the other not written at all.
      expect(finished).toHaveLength(1);
      expect(answered).toHaveLength(segments[defined(finished[0], 'the finished article')]);
      expect(stopped.stderr).toMatch(
        new RegExp(`${answered.length} segment\\(s\\) translated in this run are kept`),
      );

      const unlimited = await startDeeplServer({ authKeys: [KEY] });
      try {
        const resumed = await run(args, unlimited.url);
        expect(resumed.code, resumed.stderr).toBe(0);
        const resent = translateRequests(unlimited).flatMap((r) => r.texts);
        expect(resent).toHaveLength(14 + 5 - answered.length);
        expect(resent.filter((t) => answered.includes(t))).toEqual([]);
      } finally {
        await unlimited.close();
      }
    },
  );

  it('refuses a bad key with exit 3 and never prints it', async () => {
    const canary = 'canary-0d1e5a-not-a-key:fx';
    const result = await run(['source/palmyre.fr.txt', '--debug'], server.url, canary);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^versio: .*key/im);
    expect(result.stdout + result.stderr).not.toContain(canary);
    expect(result.stdout + result.stderr).not.toContain('canary-0d1e5a');
  });

  it('prices a run with --dry-run and sends nothing', async () => {
    const result = await runMain(
      ['translate', 'source/palmyre.fr.txt', 'source/alep.fr.txt', '--provider', 'deepl', '--dry-run'],
      {
        cwd: dir.path,
        env: { DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: server.url },
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /palmyre\.fr\.txt: 14 segments, 0 from memory, 14 to translate, \d+ characters to bill, 1 request/,
    );
    expect(result.stdout).toMatch(/nothing was sent/);
    expect(server.stats().requests).toBe(0);
  });

  it('--dry-run after a run counts the targets the existing XLIFF carries as not to translate', async () => {
    const env = { DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: server.url };
    const first = await runMain(['translate', 'source/palmyre.fr.txt', '--provider', 'deepl', '--quiet'], {
      cwd: dir.path,
      env,
    });
    expect(first.code, first.stderr).toBe(0);
    // Another memory: nothing comes from it, every target from the XLIFF the first run wrote.
    const priced = await runMain(
      ['translate', 'source/palmyre.fr.txt', '--provider', 'deepl', '--dry-run', '--memory', 'other.jsonl'],
      { cwd: dir.path, env },
    );
    expect(priced.code, priced.stderr).toBe(0);
    expect(priced.stdout).toMatch(
      /palmyre\.fr\.txt: 14 segments, 0 from memory, 0 to translate, 0 characters to bill, 0 request/,
    );
  });

  it('refuses a run over --max-chars with exit 4 before sending anything', async () => {
    const result = await run(['source/palmyre.fr.txt', '--max-chars', '100']);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/over --max-chars 100/);
    expect(server.stats().requests).toBe(0);
  });
});
