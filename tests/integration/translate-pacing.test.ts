/**
 * The run's scheduler, end to end: `versio translate --provider deepl` over several documents
 * against the local DeepL-compatible server, which counts what the client must get right (peak
 * in flight, arrivals, requests sent before a Retry-After passed). The server's counts are the
 * evidence, not the clock.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deeplEnv, makeArticles, memorySources, runDeepl } from '../robustness/deepl-run.js';
import { put } from '../robustness/support.js';
import { binPath, type CliResult, repoRoot, runMain, tempDir } from '../support/cli.js';
import { type DeeplServer, type DeeplServerOptions, startDeeplServer } from '../support/deepl-server.js';
import { defined } from '../support/defined.js';

const KEY = 'versio-test-key:fx';

/** Most arrivals in any rolling `windowMs`. */
function busiest(arrivals: readonly number[], windowMs: number): number {
  return Math.max(0, ...arrivals.map((t) => arrivals.filter((u) => u > t - windowMs && u <= t).length));
}

let dir: ReturnType<typeof tempDir>;
let server: DeeplServer | undefined;
const start = async (options: DeeplServerOptions = {}) => {
  server = await startDeeplServer({ authKeys: [KEY], ...options });
  return server;
};
beforeEach(() => {
  dir = tempDir('versio-pacing-');
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  dir.cleanup();
});

const outputs = (out: string) => (existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.xlf')) : []);

describe('one scheduler for the whole run', () => {
  it('--jobs 4 over 4 documents: every document shares one lane (concurrency from the CLI, rate from versio.config.json)', async () => {
    // 4 articles of 60 sentences: 2 requests each, 8 in all, 200 ms per answer.
    const { files } = makeArticles(dir.path, 4, 60);
    const deepl = await start({ latencyMs: 200 });
    writeFileSync(
      join(dir.path, 'versio.config.json'),
      JSON.stringify({ translate: { deepl: { rate: 3, concurrency: 6 } } }),
    );
    const out = join(dir.path, 'out');
    const result = await runMain(
      [
        'translate',
        ...files,
        '--provider',
        'deepl',
        '--no-glossary',
        '--out',
        out,
        '--memory',
        join(dir.path, 'tm.jsonl'),
        '--quiet',
        '--jobs',
        '4',
        '--concurrency',
        '2',
      ],
      { cwd: dir.path, env: deeplEnv(deepl) },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const stats = deepl.stats();
    expect(stats.statuses).toEqual({ '200': 8 });
    // Per-document queues would have had up to 4 × 2 in flight and 4 × 3 per second.
    expect(stats.peakInFlight).toBeLessThanOrEqual(2);
    // 100 ms of slack for when requests reach the server; fixed windows would let 6 in at an edge.
    expect(busiest(stats.arrivals, 900)).toBeLessThanOrEqual(3);
    expect(outputs(out)).toHaveLength(4);
  });

  it('--jobs 1: the next document is read, planned and queued while the current one waits for its answer (the lane never idles between documents)', async () => {
    // One request per document; the server answers the first only once the second has arrived.
    const { files } = makeArticles(dir.path, 2, 20);
    const deepl = await start({ holdFirst: { timeoutMs: 20_000 } });
    const out = join(dir.path, 'out');
    const result = await runDeepl(deepl, files, out, join(dir.path, 'tm.jsonl'), [
      '--jobs',
      '1',
      '--concurrency',
      '2',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(deepl.stats().statuses).toEqual({ '200': 2 });
    expect(deepl.stats().peakInFlight).toBe(2);
    expect(outputs(out)).toHaveLength(2);
  });

  it('six consecutive 429s with Retry-After: 2, then success: exit 0, and no request before each Retry-After passed', async () => {
    const { files, sources } = makeArticles(dir.path, 2, 3);
    const deepl = await start({ faults: { '429-count': 6, '429-retry-after': 2 } });
    const memory = join(dir.path, 'tm.jsonl');
    const result = await runDeepl(deepl, files, join(dir.path, 'out'), memory, ['--jobs', '2']);
    expect(result.code, result.stderr).toBe(0);
    const stats = deepl.stats();
    expect(stats.statuses).toEqual({ '429': 6, '200': 2 });
    // The whole lane paused: the other document's request waited too.
    expect(stats.early).toBe(0);
    expect(memorySources(memory).sort()).toEqual([...sources].sort());
  });

  it("DeepL's mock faults, 3 × 429 then 2 × 503: exit 0, every segment stored", async () => {
    const { files, sources } = makeArticles(dir.path, 1, 3);
    const deepl = await start({ faults: { '429-count': 3, '429-retry-after': 1, '5xx-count': 2 } });
    const memory = join(dir.path, 'tm.jsonl');
    const result = await runDeepl(deepl, files, join(dir.path, 'out'), memory);
    expect(result.code, result.stderr).toBe(0);
    expect(deepl.stats().statuses).toEqual({ '429': 3, '503': 2, '200': 1 });
    expect(memorySources(memory).sort()).toEqual([...sources].sort());
  });

  it('a Retry-After of a day is capped by --max-retry-after: exit 0 after one short pause', async () => {
    const { files, sources } = makeArticles(dir.path, 1, 3);
    const deepl = await start({ faults: { '429-count': 1, '429-retry-after': 86_400 } });
    const memory = join(dir.path, 'tm.jsonl');
    const result = await runDeepl(deepl, files, join(dir.path, 'out'), memory, ['--max-retry-after', '1']);
    expect(result.code, result.stderr).toBe(0);
    expect(deepl.stats().statuses).toEqual({ '429': 1, '200': 1 });
    expect(memorySources(memory).sort()).toEqual([...sources].sort());
  });

  it('refuses a pacing option that is not a positive number (exit 2)', async () => {
    const { files } = makeArticles(dir.path, 1, 1);
    const result = await runDeepl(
      'http://127.0.0.1:9',
      files,
      join(dir.path, 'out'),
      join(dir.path, 'tm.jsonl'),
      ['--rate', '0'],
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--rate <n>.*expected a positive number/);
  });

  it('a batch past its retry budget fails its own document: the others are written, exit 3 names the one left', async () => {
    const { files, sources } = makeArticles(dir.path, 3, 3);
    const blocked = put(
      dir.path,
      'bloque.fr.txt',
      'Dossier bloqué\n\nCette phrase BLOQUÉE ne passe jamais.\n',
    );
    const deepl = await start({ refuse: { match: 'BLOQUÉE', retryAfter: 1 } });
    const out = join(dir.path, 'out');
    const memory = join(dir.path, 'tm.jsonl');
    const result = await runDeepl(deepl, [...files.slice(0, 1), blocked, ...files.slice(1, 3)], out, memory, [
      '--jobs',
      '2',
      '--retry-budget',
      '1',
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^versio: 1 of 4 document\(s\) not translated \(3 written\):/m);
    expect(result.stderr).toContain(`${blocked}: DeepL is limiting the request rate (429)`);
    expect(result.stderr).toContain('Finished segments are kept in the memory');
    expect(result.stderr).not.toContain('\n    at ');
    expect(outputs(out).sort()).toEqual(['article1.en.xlf', 'article2.en.xlf', 'article3.en.xlf']);
    expect(memorySources(memory).sort()).toEqual([...sources].sort());
    expect(deepl.stats().early).toBe(0);
  });
});

/** Spawns the built CLI; `onStart` gets the child once it runs. */
function spawnCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  onStart: (child: ReturnType<typeof spawn>) => void = () => {},
): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd,
      env: { ...process.env, CI: 'true', ...env },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code: code ?? -1,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    onStart(child);
  });
}

describe('the built CLI', () => {
  // Well below DeepL's 30 s request timeout: passing means Ctrl-C did not wait for the server.
  it('Ctrl-C while a request is in flight: the request is aborted and the process exits 130', {
    timeout: 15_000,
  }, async () => {
    const { files } = makeArticles(dir.path, 2, 3);
    const deepl = await start({ latencyMs: 60_000 });
    const memory = join(dir.path, 'tm.jsonl');
    const args = [
      'translate',
      ...files,
      '--provider',
      'deepl',
      '--no-glossary',
      '--out',
      join(dir.path, 'out'),
    ];
    const result = await spawnCli(
      [...args, '--memory', memory, '--quiet'],
      deeplEnv(deepl),
      dir.path,
      (child) => {
        const poll = setInterval(() => {
          if (deepl.stats().translations.length > 0) {
            clearInterval(poll);
            child.kill('SIGINT');
          }
        }, 20);
        child.on('close', () => clearInterval(poll));
      },
    );
    expect(result.signal).toBeNull();
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(
      `versio: interrupted: 0 segment(s) translated in this run are kept in ${memory}; run the same command again to finish`,
    );
  });

  it('two runs on one key with different glossaries both finish on v3 glossaries, and neither deletes one; prune does, on request', async () => {
    const deepl = await start({ latencyMs: 150 });
    const glossary = (name: string, french: string, english: string) =>
      put(
        dir.path,
        name,
        `sourceLang: fr\ntargetLang: en\nentries:\n  - id: town\n    type: place\n    french: [${french}]\n    english: ${english}\n    policy: provider\n`,
      );
    const { files } = makeArticles(dir.path, 2, 60);
    const run = (file: string, glossaryPath: string, name: string) =>
      spawnCli(
        [
          'translate',
          file,
          '--provider',
          'deepl',
          '--glossary',
          glossaryPath,
          '--out',
          join(dir.path, name),
          '--memory',
          join(dir.path, `${name}.jsonl`),
          '--quiet',
        ],
        deeplEnv(deepl),
        repoRoot,
      );
    const [a, b] = await Promise.all([
      run(defined(files[0], 'article a'), glossary('a.glossary.yaml', 'Lyon', 'Lyons'), 'a'),
      run(defined(files[1], 'article b'), glossary('b.glossary.yaml', 'Lille', 'Lisle'), 'b'),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const stats = deepl.stats();
    expect(stats.glossaryDeletes).toBe(0);
    const glossaries = deepl.glossaries(KEY);
    expect(glossaries.map((g) => g.api)).toEqual(['v3', 'v3']);
    expect(stats.glossaryRequests.v2).toBe(0);
    // Each run's requests carried its own glossary, and the server applied it.
    const used = new Set(stats.translations.map((t) => t.glossaryId));
    expect(used).toEqual(new Set(glossaries.map((g) => g.glossary_id)));
    const xliff = (name: string) =>
      readFileSync(
        join(dir.path, name, defined(outputs(join(dir.path, name))[0], `the XLIFF of ${name}`)),
        'utf8',
      );
    expect(xliff('a')).toContain('Le conseil de Lyons a examiné');
    expect(xliff('b')).toContain('Le conseil de Lisle a examiné');

    const fresh = await runMain(['glossary', 'prune', '--provider', 'deepl', '--older-than', '1'], {
      env: deeplEnv(deepl),
    });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toBe('0 glossaries deleted\n');
    const old = defined(glossaries[0], 'the older glossary');
    const kept = defined(glossaries[1], 'the newer glossary');
    deepl.backdateGlossary(KEY, old.glossary_id, 2);
    const prune = await runMain(['glossary', 'prune', '--provider', 'deepl', '--older-than', '1'], {
      env: deeplEnv(deepl),
    });
    expect(prune.code, prune.stderr).toBe(0);
    expect(prune.stdout).toBe(`deleted ${old.name}\n1 glossary deleted\n`);
    expect(deepl.glossaries(KEY).map((g) => g.name)).toEqual([kept.name]);
    const all = await runMain(['glossary', 'prune', '--provider', 'deepl'], { env: deeplEnv(deepl) });
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain('1 glossary deleted');
    expect(deepl.glossaries(KEY)).toHaveLength(0);
  });
});
