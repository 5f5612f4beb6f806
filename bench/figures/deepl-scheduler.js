// Figure 8: the run's scheduler against a DeepL-compatible server that enforces a sliding-window
// limit (RATE requests in any rolling second, 429 + Retry-After beyond it) and answers in
// LATENCY_MS. 8 articles of 250 sentences (5 requests each, 40 in all) through the built CLI with
// `--rate RATE --concurrency CONCURRENCY`, `--jobs` 1, 2, 4 and 8, fresh memory each run. The
// server counts; the figure checks: peak in flight ≤ concurrency, requests in any rolling second
// ≤ rate, no 429 after the first pause, achieved rate ≥ 90 % of the limit, no segment lost.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startDeeplServer } from '../../tests/support/deepl-server.js';
import { BIN, round, run, withTempDir } from '../lib/common.js';

const RATE = 5;
const WINDOW_MS = 1000;
const CONCURRENCY = 4;
const LATENCY_MS = 300;
const ARTICLES = 8;
const SENTENCES = 250;
const KEY = 'versio-bench-key:fx';
const TOWNS = ['Lyon', 'Lille', 'Nantes', 'Rennes', 'Dijon', 'Brest', 'Metz', 'Tours'];

async function writeArticles(dir) {
  const files = [];
  const sources = [];
  for (let d = 0; d < ARTICLES; d++) {
    const lines = Array.from(
      { length: SENTENCES },
      (_, i) => `Le conseil de ${TOWNS[d]} a examiné le dossier numéro ${d * 1000 + i} mardi soir.`,
    );
    const title = `Conseil numéro ${d + 1}`;
    sources.push(title, ...lines);
    const file = join(dir, `article${d + 1}.fr.txt`);
    await writeFile(file, `${title}\n\n${lines.join('\n')}\n`);
    files.push(file);
  }
  return { files, sources };
}

/** Most arrivals in any rolling window of `windowMs` ms. */
function busiest(arrivals, windowMs) {
  let most = 0;
  let first = 0;
  for (let last = 0; last < arrivals.length; last++) {
    while (arrivals[first] <= arrivals[last] - windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

async function runJobs(jobs) {
  return withTempDir(`deepl-jobs${jobs}`, async (dir) => {
    const { files, sources } = await writeArticles(dir);
    const server = await startDeeplServer({
      authKeys: [KEY],
      latencyMs: LATENCY_MS,
      slidingLimit: { rate: RATE, windowMs: WINDOW_MS },
    });
    try {
      const memory = join(dir, 'm.jsonl');
      const args = [
        BIN,
        'translate',
        ...files,
        '--provider',
        'deepl',
        '--no-glossary',
        '--jobs',
        String(jobs),
        '--rate',
        String(RATE),
        '--concurrency',
        String(CONCURRENCY),
        '--out',
        join(dir, 'out'),
        '--memory',
        memory,
        '--quiet',
      ];
      const env = { ...process.env, DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: server.url };
      const { seconds } = await run('node', args, { cwd: dir, env });
      const stats = server.stats();
      const arrivals = [...stats.arrivals].sort((a, b) => a - b);
      const requests = stats.translations.sort((a, b) => a.at - b.at);
      const first429 = requests.find((r) => r.status === 429);
      // "After the first pause": arrivals once the first 429's Retry-After (≥ 1 s) has passed.
      const after = first429 ? requests.filter((r) => r.at > first429.at + WINDOW_MS) : [];
      const stored = new Set(
        (await readFile(memory, 'utf8'))
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l).source),
      );
      const ok = requests.filter((r) => r.status === 200).length;
      const spanS = (arrivals.at(-1) - arrivals[0]) / 1000;
      // A limiter at exactly RATE per second sends n requests in bursts spanning n / RATE − 1 s.
      const achieved = arrivals.length / (spanS + WINDOW_MS / 1000);
      return {
        jobs,
        seconds: round(seconds, 2),
        requests: arrivals.length,
        ok,
        rejected429: stats.statuses['429'] ?? 0,
        rejected429AfterFirstPause: after.filter((r) => r.status === 429).length,
        peakInFlight: stats.peakInFlight,
        busiestSecond: busiest(arrivals, WINDOW_MS),
        achievedPerSecond: round(achieved, 2),
        ratePercent: round((100 * achieved) / RATE, 1),
        segmentsLost: sources.filter((s) => !stored.has(s)).length,
      };
    } finally {
      await server.close();
    }
  });
}

export async function deeplScheduler() {
  const runs = [];
  for (const jobs of [1, 2, 4, 8]) runs.push(await runJobs(jobs));
  const met = runs.every(
    (r) =>
      r.peakInFlight <= CONCURRENCY &&
      r.busiestSecond <= RATE &&
      r.rejected429AfterFirstPause === 0 &&
      r.ratePercent >= 90 &&
      r.segmentsLost === 0,
  );
  const result = {
    rate: RATE,
    windowMs: WINDOW_MS,
    concurrency: CONCURRENCY,
    latencyMs: LATENCY_MS,
    articles: ARTICLES,
    sentencesPerArticle: SENTENCES,
    runs,
    met,
  };
  return {
    key: 'deeplScheduler',
    result,
    table: {
      title: `Figure 8 — DeepL scheduler, ${ARTICLES} articles × ${SENTENCES} sentences, server limit ${RATE}/s sliding, --rate ${RATE} --concurrency ${CONCURRENCY}, ${LATENCY_MS} ms latency`,
      header: [
        '--jobs',
        'seconds',
        'requests',
        '429 (after 1st pause)',
        'peak in flight',
        'busiest second',
        'achieved/s',
        '% of limit',
        'segments lost',
      ],
      rows: runs.map((r) => [
        r.jobs,
        r.seconds,
        r.requests,
        `${r.rejected429} (${r.rejected429AfterFirstPause})`,
        r.peakInFlight,
        r.busiestSecond,
        r.achievedPerSecond,
        r.ratePercent,
        r.segmentsLost,
      ]),
    },
    summary: [
      {
        figure: '8 deepl scheduler, --jobs 1/2/4/8: limits held, ≥ 90 % of the rate, nothing lost',
        measured: runs.map((r) => `${r.ratePercent} %`).join(' / '),
        target: `≤ ${CONCURRENCY} in flight, ≤ ${RATE}/s, ≥ 90 %`,
        met,
      },
    ],
  };
}
