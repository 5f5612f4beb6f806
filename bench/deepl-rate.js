// Rate limiting against a DeepL-compatible server that enforces R requests/s with a token
// bucket (429 + Retry-After beyond it): does the queue use the allowed rate without losing
// segments? 1,000 segments, 20 per request (50 requests; DeepL's own cap of 50 per request
// would give too few requests to measure a rate).
// Usage: npx tsc -p tsconfig.json && node bench/deepl-rate.js
//   (prints a table, writes bench/results.json "deepl")
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../dist/io/atomic-write.js';
import { createDeepl } from '../dist/providers/deepl.js';
import { Scheduler, translateAll } from '../dist/queue/index.js';
import { untranslate } from '../tests/support/deepl-mock-translate.js';
import { startDeeplServer } from '../tests/support/deepl-server.js';

const RATE = 10; // requests per second the server allows
const BURST = 2; // token bucket capacity
const SEGMENTS = 1000;
const PER_REQUEST = 20;
const KEY = 'versio-bench-key:fx';

const server = await startDeeplServer({
  authKeys: [KEY],
  rateLimit: { requestsPerSecond: RATE, burst: BURST },
});
try {
  const deepl = await createDeepl({
    sourceLang: 'fr',
    targetLang: 'en',
    env: { DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: server.url },
    // Paced at the server's rate, spread evenly (1 request per 1000/R ms), 2 in flight.
    overrides: {
      pacing: { concurrency: 2, rate: 1, windowMs: 1000 / RATE },
      retry: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 2000 },
    },
  });
  const provider = { ...deepl, limits: { ...deepl.limits, maxBatch: PER_REQUEST } };
  const texts = Array.from({ length: SEGMENTS }, (_, i) => ({
    id: `p${Math.floor(i / 10) + 1}.s${(i % 10) + 1}`,
    text: `Le conseil a adopté la mesure numéro ${i + 1} après un long débat.`,
  }));
  const translated = new Map();
  let retries = 0;
  const started = performance.now();
  await translateAll(provider, texts, {
    scheduler: new Scheduler(provider),
    signal: new AbortController().signal,
    onBatch: (batch, result) => {
      batch.forEach((t, i) => {
        translated.set(t.id, result.texts[i]);
      });
    },
    onEvent: (e) => {
      if (e.type === 'batch-retry') retries++;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  await deepl.close();

  const stats = server.stats();
  const lost = texts.filter((t) => untranslate(translated.get(t.id) ?? '') !== t.text).length;
  const ok = stats.statuses['200'] ?? 0;
  const achieved = ok / seconds;
  const result = {
    node: process.version,
    serverRate: RATE,
    burst: BURST,
    segments: SEGMENTS,
    segmentsPerRequest: PER_REQUEST,
    seconds: round(seconds, 2),
    requests: stats.requests,
    successfulRequests: ok,
    rejected429: stats.statuses['429'] ?? 0,
    retries,
    achievedRequestsPerSecond: round(achieved, 2),
    ratePercent: round((100 * achieved) / RATE, 1),
    segmentsLost: lost,
    requestsPerSegment: round(stats.requests / SEGMENTS, 3),
    billedCharacters: stats.billedCharacters,
  };
  console.table({
    'server rate (req/s)': RATE,
    'achieved (req/s)': result.achievedRequestsPerSecond,
    'of allowed rate (%)': result.ratePercent,
    'requests (429s)': `${result.requests} (${result.rejected429})`,
    'segments lost': lost,
    'requests per segment': result.requestsPerSegment,
    'wall time (s)': result.seconds,
  });
  const resultsPath = new URL('results.json', import.meta.url).pathname;
  const results = JSON.parse(await readFile(resultsPath, 'utf8').catch(() => '{}'));
  results.deepl = result;
  await writeFileAtomic(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${resultsPath} (deepl)`);
  if (lost > 0) process.exitCode = 1;
} finally {
  await server.close();
}

function round(value, digits) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
