/**
 * Faults on the DeepL path, through the CLI (in-process) against the local DeepL-compatible server
 * with server-wide faults: what the user sees, what is kept, and that nothing is paid for twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/document.js';
import { segmentsOf } from '../../src/document.js';
import { TranslationMemory } from '../../src/memory/store.js';
import { pipelineContext } from '../../src/pipeline/context.js';
import { executePlan } from '../../src/pipeline/execute.js';
import { planDocument } from '../../src/pipeline/plan.js';
import { createDeeplProvider } from '../../src/providers/deepl.js';
import { parseArticle } from '../../src/read/article.js';
import { tempDir } from '../support/cli.js';
import { type DeeplServer, startDeeplServer } from '../support/deepl-server.js';
import { defined } from '../support/defined.js';
import { billed, KEY, makeArticles, memorySources, runDeepl } from './deepl-run.js';
import { expectRefusal, filesUnder, snapshot } from './support.js';

const dir = tempDir('versio-deepl-faults-');
const { files, sources } = makeArticles(dir.path, 3, 8);
const reference = join(dir.path, 'reference');
afterAll(() => dir.cleanup());

let servers: DeeplServer[] = [];
async function server(options: Parameters<typeof startDeeplServer>[0] = {}): Promise<DeeplServer> {
  const started = await startDeeplServer({ authKeys: [KEY], ...options });
  servers.push(started);
  return started;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

beforeAll(async () => {
  const result = await runDeepl(await server(), files, reference, join(dir.path, 'reference.jsonl'));
  expect(result.code, result.stderr).toBe(0);
});

let n = 0;
function fresh() {
  n += 1;
  return { out: join(dir.path, `out${n}`), memory: join(dir.path, `memory${n}.jsonl`) };
}

describe('transient faults are retried and the result is the same as without them', () => {
  const cases: [name: string, faults: Record<string, number>, status: string, count: number][] = [
    ['a 429 storm (3 × 429, Retry-After: 0)', { '429-count': 3, '429-retry-after': 0 }, '429', 3],
    ['2 × 503', { '5xx-count': 2 }, '503', 2],
    ['a dropped connection', { 'no-response-count': 1 }, 'dropped', 1],
  ];
  it.each(cases)('%s', async (_name, faults, status, count) => {
    const deepl = await server({ faults });
    const { out, memory } = fresh();
    const result = await runDeepl(deepl, files, out, memory);
    expect(result.code, result.stderr).toBe(0);
    expect(deepl.stats().sessions.server?.statuses[status]).toBe(count);
    expect(snapshot(out)).toEqual(snapshot(reference));
    expect(memorySources(memory).sort()).toEqual([...sources].sort());
  });
});

describe('faults that stop the run', () => {
  it('a 429 storm that does not end: exit 3 once the retry budget is spent, naming every document, nothing written', async () => {
    const deepl = await server({ faults: { '429-count': 100_000, '429-retry-after': 0 } });
    const { out, memory } = fresh();
    const result = await runDeepl(deepl, files, out, memory, ['--retry-budget', '1']);
    expectRefusal(
      result,
      3,
      new RegExp(
        `^versio: ${files.length} of ${files.length} document\\(s\\) not translated \\(0 written\\):$`,
        'm',
      ),
    );
    for (const file of files) {
      expect(result.stderr).toMatch(
        new RegExp(
          `^ {2}${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: DeepL is limiting the request rate \\(429\\) \\(segments .*; gave up after \\d+\\.\\d s of 429s\\)$`,
          'm',
        ),
      );
    }
    expect(memorySources(memory)).toEqual([]);
  });

  it('the key refused (403): exit 3 with a hint', async () => {
    const deepl = await server({ authKeys: ['another-key:fx'] });
    const { out, memory } = fresh();
    const result = await runDeepl(deepl, files, out, memory);
    expectRefusal(result, 3, /^versio: DeepL rejected the API key \(403\)\n {2}hint: Check DEEPL_AUTH_KEY/m);
  });

  it('the server unreachable: exit 3', async () => {
    const closed = await server();
    const url = closed.url;
    await closed.close();
    servers = servers.filter((s) => s !== closed);
    const { out, memory } = fresh();
    const result = await runDeepl(url, files, out, memory);
    expectRefusal(
      result,
      3,
      /^versio: Cannot reach DeepL while translating segments p1\.s1…p\d+\.s\d+: .*ECONNREFUSED/m,
    );
  });

  it('quota exhausted (456) part-way: exit 4, what was paid for kept, the rerun bills only the rest', async () => {
    const perArticle = sources.length / 3;
    const articleSources = [0, 1, 2].map((d) => sources.slice(d * perArticle, (d + 1) * perArticle));
    // Room for about two articles: which ones depends on the order they are sent in.
    const deepl = await server({ characterLimit: billed(sources.slice(0, 2 * perArticle)) + 10 });
    const { out, memory } = fresh();
    const stopped = await runDeepl(deepl, files, out, memory);
    const kept = memorySources(memory);
    expectRefusal(
      stopped,
      4,
      new RegExp(
        `^versio: DeepL character quota exceeded \\(456\\); ${kept.length} segment\\(s\\) translated in this run are kept in .*memory\\d+\\.jsonl; run the same command again to finish$`,
        'm',
      ),
    );
    // Every answered request is stored; at least one article got through and at least one did not.
    expect(kept.length).toBe(
      deepl
        .stats()
        .translations.filter((t) => t.status === 200)
        .flatMap((t) => t.texts).length,
    );
    expect(kept.length).toBeGreaterThanOrEqual(perArticle);
    expect(kept.length).toBeLessThan(sources.length);
    // An article is written only whole, and then exactly as without the fault.
    const written = filesUnder(out);
    articleSources.forEach((own, d) => {
      const files = written.filter((f) => f.includes(`article${d + 1}`));
      if (files.length > 0)
        expect(
          own.every((s) => kept.includes(s)),
          `article${d + 1}`,
        ).toBe(true);
    });
    for (const f of written)
      expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(reference, f), 'utf8'));

    const after = await server();
    const rerun = await runDeepl(after, files, out, memory);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(after.stats().billedCharacters).toBe(billed(sources.filter((s) => !kept.includes(s))));
    expect(snapshot(out)).toEqual(snapshot(reference));
  });
});

describe('a hung connection times out and is retried', () => {
  it('one request never answered: the batch is retried, every segment translated and stored', async () => {
    const deepl = await server();
    const memoryPath = join(dir.path, 'hung.jsonl');
    const memory = await TranslationMemory.open(memoryPath);
    const provider = await createDeeplProvider(
      {
        sourceLang: 'fr',
        targetLang: 'en',
        env: { DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: deepl.url },
        overrides: { retry: { timeoutMs: 300 } },
      },
      { headers: { 'mock-server-session': 'hung', 'mock-server-session-hang-count': '1' } },
    );
    const file = defined(files[0], 'an article');
    const doc: Document = parseArticle(readFileSync(file, 'utf8'), file);
    const ctx = pipelineContext({
      provider,
      memory,
      glossary: undefined,
      signal: new AbortController().signal,
    });
    try {
      await executePlan(await planDocument(doc, ctx), ctx);
    } finally {
      await memory.close();
    }
    expect(deepl.stats().sessions.hung?.statuses).toEqual({ hung: 1, '200': 1 });
    expect(segmentsOf(doc).every((s) => s.state === 'translated')).toBe(true);
    expect(memorySources(memoryPath).sort()).toEqual(
      segmentsOf(doc)
        .map((s) => s.source)
        .sort(),
    );
  });
});
