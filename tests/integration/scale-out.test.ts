/**
 * Scale-out with real processes: a real Redis, `versio worker` processes of the built CLI, and
 * the DeepL-compatible server, in a process of its own, counting what it receives. The limit
 * holds summed over every worker, each segment is translated once, the outputs are those of a
 * local run, and neither a worker killed mid-job nor a Redis stopped mid-run loses anything.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { binPath, runBin, tempDir } from '../support/cli.js';
import { mostInOneWindow } from '../support/deepl-server.js';
import { type DeeplServerProcess, startDeeplServerProcess } from '../support/deepl-server-process.js';
import { type RedisServer, startRedis } from '../support/redis-server.js';

const KEY = 'versio-test-key:fx';
// The DeepL provider's pacing (src/providers/deepl.ts): what every worker together must keep to.
const RATE = 5;
const WINDOW_MS = 1000;
const CONCURRENCY = 2;

const towns = [
  'Alep',
  'Homs',
  'Hama',
  'Idleb',
  'Deir ez-Zor',
  'Raqqa',
  'Lattaquié',
  'Tartous',
  'Daraa',
  'Palmyre',
  'Qamichli',
  'Manbij',
  'Afrin',
  'Kobané',
  'Jablé',
  'Banias',
  'Salamiyé',
  'Douma',
  'Zabadani',
  'Bosra',
];
function article(town: string, i: number): string {
  return [
    'Syrie',
    '',
    `Les combats reprennent près de ${town}`,
    '',
    `De violents combats ont repris mardi près de ${town}, selon l’armée syrienne. Des renforts sont arrivés ${i} jours plus tard.`,
    '',
    `Moscou a appelé au respect du cessez-le-feu autour de ${town}.`,
  ].join('\n');
}

function project(count: number) {
  const dir = tempDir();
  mkdirSync(join(dir.path, 'source'));
  const files = towns.slice(0, count).map((town, i) => {
    const file = `source/a${i}.fr.txt`;
    writeFileSync(join(dir.path, file), article(town, i + 2));
    return file;
  });
  return { dir, files };
}

let redis: RedisServer;
let server: DeeplServerProcess;
const children: ChildProcess[] = [];

function startWorker(lockMs = 30_000): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      binPath,
      'worker',
      '--redis',
      redis.url,
      '--provider',
      'deepl',
      '--concurrency',
      String(CONCURRENCY),
      '--lock-ms',
      String(lockMs),
    ],
    {
      env: { ...process.env, CI: 'true', DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: server.url },
      stdio: 'ignore',
    },
  );
  children.push(child);
  return child;
}

const translate = (dir: string, files: string[], extra: string[] = []) =>
  runBin(['translate', ...files, '--provider', 'deepl', '--no-glossary', '--quiet', ...extra], {
    cwd: dir,
    env: { DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: server.url },
  });

const undated = (xml: string) => xml.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'DATE');

beforeEach(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await server?.close();
  await redis.cleanup();
});

describe('versio worker + versio translate --redis', () => {
  it('three workers keep one rate limit, translate each segment once, and write what a local run writes', async () => {
    server = await startDeeplServerProcess({ authKeys: [KEY], latencyMs: 150, arrivalBounds: true });
    // 20 articles, all queued at once (--jobs 20): 20 requests against 5 a second, so the limit binds.
    const { dir, files } = project(20);
    for (let i = 0; i < 3; i++) startWorker();
    const remote = await translate(dir.path, files, [
      '--redis',
      redis.url,
      '--out',
      'remote',
      '--json',
      '--jobs',
      '20',
    ]);
    expect(remote.stderr).toBe('');
    expect(remote.code).toBe(0);
    const stats = await server.stats();
    const requests = stats.translations.filter((t) => t.status === 200);
    // Each arrival is an interval that holds however late the server read it (arrivalBounds):
    // never more than RATE requests certainly inside one rolling window.
    expect(mostInOneWindow(requests, WINDOW_MS)).toBeLessThanOrEqual(RATE);
    expect(stats.statuses['429']).toBeUndefined();
    const sent = requests.flatMap((r) => r.texts);
    expect(new Set(sent).size).toBe(sent.length);
    // The --json summary counts what the workers translated, as a local run's would.
    type Summary = { documents: { segments: number; fromMemory: number; translated: number }[] };
    const summary = JSON.parse(remote.stdout) as Summary;
    expect(summary.documents).toHaveLength(files.length);
    expect(summary.documents.reduce((n, d) => n + d.translated, 0)).toBe(sent.length);

    const billed = stats.billedCharacters;
    const local = await translate(dir.path, files, ['--out', 'local', '--memory', 'local.jsonl']);
    expect(local.code).toBe(0);
    expect((await server.stats()).billedCharacters - billed).toBe(billed);
    for (let i = 0; i < files.length; i++) {
      const name = `a${i}.en`;
      expect(readFileSync(join(dir.path, `remote/${name}.txt`), 'utf8')).toBe(
        readFileSync(join(dir.path, `local/${name}.txt`), 'utf8'),
      );
      expect(undated(readFileSync(join(dir.path, `remote/${name}.xlf`), 'utf8'))).toBe(
        undated(readFileSync(join(dir.path, `local/${name}.xlf`), 'utf8')),
      );
    }
    const rerun = await translate(dir.path, files, ['--redis', redis.url, '--out', 'remote', '--json']);
    expect(rerun.code).toBe(0);
    // Nothing goes to the engine again (the targets come from the memory or the XLIFF already written).
    for (const d of (JSON.parse(rerun.stdout) as Summary).documents) expect(d.translated).toBe(0);
    expect((await server.stats()).translations.length).toBe(requests.length * 2);
    dir.cleanup();
  });

  it('a worker killed mid-job: another takes the job over and the run finishes with nothing lost', async () => {
    server = await startDeeplServerProcess({ authKeys: [KEY], latencyMs: 1500 });
    const { dir, files } = project(1);
    const first = startWorker(1000);
    const run = translate(dir.path, files, ['--redis', redis.url]);
    while ((await server.stats()).translations.length === 0) await new Promise((r) => setTimeout(r, 20));
    first.kill('SIGKILL');
    startWorker(1000);
    const result = await run;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const english = readFileSync(join(dir.path, 'translations/a0.en.txt'), 'utf8');
    expect(english.split('\n').filter((l) => l !== '')).toHaveLength(4);
    expect(english).not.toMatch(/__E\d|<x /);
    dir.cleanup();
  });

  it('Ctrl-C while no worker runs: exit 130, the jobs stay queued, the Redis password is never shown', async () => {
    server = await startDeeplServerProcess({ authKeys: [KEY] });
    const { Redis } = await import('ioredis');
    const admin = new Redis(redis.url);
    await admin.config('SET', 'requirepass', 's3cret-pass');
    admin.disconnect();
    const url = redis.url.replace('//', '//:s3cret-pass@');
    const { dir, files } = project(1);
    const child = spawn(
      process.execPath,
      [binPath, 'translate', ...files, '--provider', 'deepl', '--no-glossary', '--quiet', '--redis', url],
      {
        cwd: dir.path,
        env: { ...process.env, CI: 'true', DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: server.url },
      },
    );
    children.push(child);
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += String(d);
    });
    const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
    const watch = new Redis(url);
    while ((await watch.llen('bull:versio-deepl:wait')) === 0) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(stderr).toMatch(/^versio: interrupted: 0 segment\(s\).* the shared memory at 127\.0\.0\.1:\d+/);
    expect(stderr).toMatch(/stay queued in Redis at 127\.0\.0\.1:\d+/);
    expect(stderr).not.toContain('s3cret-pass');
    expect(await watch.llen('bull:versio-deepl:wait')).toBe(1);
    watch.disconnect();
    expect((await server.stats()).translations).toEqual([]);
    dir.cleanup();
  });

  it('Redis stopped mid-run: exit 3 in one line; after a restart the same command finishes', async () => {
    server = await startDeeplServerProcess({ authKeys: [KEY], latencyMs: 3000 });
    const { dir, files } = project(1);
    startWorker();
    const run = translate(dir.path, files, ['--redis', redis.url]);
    while ((await server.stats()).translations.length === 0) await new Promise((r) => setTimeout(r, 20));
    await redis.stop();
    const failed = await run;
    expect(failed.code).toBe(3);
    expect(failed.stderr).toMatch(/^versio: cannot reach Redis at 127\.0\.0\.1:\d+/);
    expect(failed.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    await redis.start();
    startWorker();
    const again = await translate(dir.path, files, ['--redis', redis.url]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    dir.cleanup();
  });
});
