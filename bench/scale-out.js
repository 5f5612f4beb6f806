// Scale-out (issue 14): `versio worker` processes of the built CLI, one `versio translate --redis`
// enqueuer, a real redis-server on a free port (no persistence, fresh for every run, so the shared
// memory starts empty and every request reaches a worker).
//  (a) DeepL: 1 vs 3 workers against the DeepL-compatible test server with a latency, under the
//      DeepL provider's pacing (5 requests per rolling second, 2 at once, for all workers together):
//      achieved rate = requests / (span between the first and the last start the server saw + 1 window).
//      The server runs in its own process and dates each request by an interval (arrivalBounds),
//      so "busiest" is counted twice: by when the server read requests, and by what is certain.
//  (b) Apertium: 2 workers vs 1 on N corpus articles (wall time of the enqueuer).
// Usage: npx tsc -p tsconfig.json && node bench/scale-out.js [deeplArticles=40] [apertiumArticles=200]
//   (prints tables, writes bench/results.json "scaleOut")
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { mostInOneWindow } from '../tests/support/deepl-server.js';
import { startDeeplServerProcess } from '../tests/support/deepl-server-process.js';
import { corpusFiles, writeCorpus } from './corpus.js';
import { BIN, loadResults, printTable, round, run, saveResult } from './lib/common.js';

const KEY = 'versio-bench-key:fx';
const PACING = { rate: 5, windowMs: 1000 }; // src/providers/deepl.ts
const LATENCY_MS = 150;
const [deeplArticles = 40, apertiumArticles = 200] = process.argv.slice(2).map(Number);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const answers = (port) =>
  new Promise((resolve) => {
    const socket = new Socket();
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (d) => {
      socket.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
  });

async function withRedis(fn) {
  const dir = await mkdtemp(join(os.tmpdir(), 'versio-bench-redis-'));
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  try {
    for (let i = 0; !(await answers(port)); i++) {
      if (i > 400) throw new Error(`redis-server did not answer on port ${port}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return await fn(`redis://127.0.0.1:${port}`);
  } finally {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}

async function withWorkers(count, provider, redisUrl, env, fn) {
  const workers = [];
  for (let i = 0; i < count; i++) {
    const child = spawn(process.execPath, [BIN, 'worker', '--redis', redisUrl, '--provider', provider], {
      env: { ...process.env, CI: 'true', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Wait for "worker: taking requests" so start-up is not counted in the run.
    await new Promise((resolve, reject) => {
      child.stderr.on('data', (d) => {
        if (d.toString().includes('taking requests')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
    workers.push(child);
  }
  try {
    return await fn();
  } finally {
    for (const child of workers) child.kill('SIGTERM');
  }
}

async function enqueue(files, provider, redisUrl, env) {
  const dir = await mkdtemp(join(os.tmpdir(), 'versio-bench-scale-'));
  try {
    const args = [BIN, 'translate', ...files, '--provider', provider, '--redis', redisUrl];
    args.push('--out', join(dir, 'out'), '--no-glossary', '--quiet', '--jobs', '8');
    return await run(process.execPath, args, { env: { ...process.env, ...env } });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Most requests that started in any rolling window. */
function busiest(times, windowMs) {
  let best = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j] - times[i] >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

async function deeplRun(files, workers) {
  console.error(`deepl: ${workers} worker(s), ${files.length} articles`);
  const server = await startDeeplServerProcess({
    authKeys: [KEY],
    latencyMs: LATENCY_MS,
    arrivalBounds: true,
  });
  const env = { DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: server.url };
  try {
    return await withRedis((url) =>
      withWorkers(workers, 'deepl', url, env, async () => {
        const { seconds } = await enqueue(files, 'deepl', url, env);
        const stats = await server.stats();
        const ok = stats.translations.filter((t) => t.status === 200);
        const times = ok.map((t) => t.at).sort((a, b) => a - b);
        // At the limit, n = k × rate requests start in k windows: the first at 0, the last at
        // (k - 1) windows; so the achieved rate is n / (span from first to last start + one window).
        const span = (times.at(-1) - times[0]) / 1000;
        const rate = times.length / (span + PACING.windowMs / 1000);
        // The same without the start: with 2 requests at once the first window's starts spread
        // over its first half (the pattern then repeats each period), which the formula above
        // counts as lost. Requests per second between the mean of the first `rate` starts and the
        // mean of the last `rate`: exactly rate / period for any pattern that repeats.
        const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
        const steady =
          (times.length - PACING.rate) /
          ((mean(times.slice(-PACING.rate)) - mean(times.slice(0, PACING.rate))) / 1000);
        const sent = ok.flatMap((t) => t.texts);
        return {
          workers,
          requests: ok.length,
          segments: sent.length,
          duplicates: sent.length - new Set(sent).size,
          status429: stats.statuses['429'] ?? 0,
          seconds: round(seconds, 1),
          spanSeconds: round(span, 1),
          ratePerSecond: round(rate, 2),
          ratePercent: round((100 * rate) / (PACING.rate / (PACING.windowMs / 1000)), 0),
          steadyPercent: round((100 * steady) / (PACING.rate / (PACING.windowMs / 1000)), 0),
          busiestWindow: busiest(times, PACING.windowMs),
          busiestCertain: mostInOneWindow(ok, PACING.windowMs),
          // Shortest span of rate + 1 consecutive reads: above one window, no window held more than the rate.
          closestSpanMs: Math.min(...times.slice(PACING.rate).map((t, i) => t - times[i])),
          // Widest arrival interval (read − lower bound): how late the server read a request at worst.
          widestIntervalMs: Math.max(...ok.map((t) => t.at - t.after)),
        };
      }),
    );
  } finally {
    await server.close();
  }
}

/** Busy jiffies and all jiffies of the whole machine (every session on it, not only ours). */
async function cpuTicks() {
  const { readFile } = await import('node:fs/promises');
  const fields = (await readFile('/proc/stat', 'utf8'))
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const idle = fields[3] + fields[4];
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

async function apertiumRun(files, workers) {
  console.error(`apertium: ${workers} worker(s), ${files.length} articles`);
  return withRedis((url) =>
    withWorkers(workers, 'apertium', url, {}, async () => {
      const before = await cpuTicks();
      const { seconds } = await enqueue(files, 'apertium', url, {});
      const after = await cpuTicks();
      const machineBusy = (after.busy - before.busy) / (after.total - before.total);
      return {
        workers,
        articles: files.length,
        seconds: round(seconds, 1),
        machineCoresBusy: round(machineBusy * os.availableParallelism(), 2),
      };
    }),
  );
}

const corpus = await writeCorpus({ count: 1000 });
const all = corpusFiles(corpus);
const machineLoad = os.loadavg().map((l) => round(l, 1));

const deepl = [];
for (const workers of [1, 3]) deepl.push(await deeplRun(all.slice(0, deeplArticles), workers));
printTable(
  `Scale-out (a): DeepL pacing ${PACING.rate}/${PACING.windowMs} ms, server latency ${LATENCY_MS} ms, ${deeplArticles} articles`,
  [
    'workers',
    'requests',
    'segments',
    'dup',
    '429',
    'enqueuer s',
    'rate/s',
    '% of limit',
    'steady',
    'busiest 1 s (reads)',
    'certain',
    `closest ${PACING.rate + 1}`,
    'widest interval',
  ],
  deepl.map((r) => [
    r.workers,
    r.requests,
    r.segments,
    r.duplicates,
    r.status429,
    r.seconds,
    r.ratePerSecond,
    `${r.ratePercent} %`,
    `${r.steadyPercent} %`,
    r.busiestWindow,
    r.busiestCertain,
    `${r.closestSpanMs} ms`,
    `${r.widestIntervalMs} ms`,
  ]),
);

// apertiumArticles = 0 measures (a) only and keeps the last (b) in results.json.
const previous = (await loadResults()).scaleOut ?? {};
let apertium = previous.apertium;
let speedup = previous.apertiumSpeedup;
if (apertiumArticles > 0) {
  apertium = [];
  for (const workers of [1, 2]) apertium.push(await apertiumRun(all.slice(0, apertiumArticles), workers));
  speedup = round(apertium[0].seconds / apertium[1].seconds, 2);
  printTable(
    `Scale-out (b): Apertium, ${apertiumArticles} articles, worker processes on this machine`,
    ['workers', 'seconds', 'articles/s', 'machine cores busy'],
    apertium.map((r) => [r.workers, r.seconds, round(r.articles / r.seconds, 1), r.machineCoresBusy]),
  );
  console.log(`2 workers vs 1: ${speedup}×`);
}
const loadAtEnd = os.loadavg().map((l) => round(l, 1));
console.log(`load average at start: ${machineLoad.join(' ')}, at the end: ${loadAtEnd.join(' ')}`);

await saveResult('scaleOut', {
  deepl,
  apertium,
  apertiumSpeedup: speedup,
  loadAverageAtStart: machineLoad,
  loadAverageAtEnd: loadAtEnd,
});
