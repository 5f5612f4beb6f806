// Figure 4: Apertium on a subset of the corpus with one warm pipeline (`--jobs 1`) against one
// per core (`--jobs 2`), through the CLI, fresh memory each run. Also records the CPU time the
// Apertium processes used (children's user+sys), which shows how many cores one job already keeps busy.
import { join } from 'node:path';
import { corpusFiles, writeCorpus } from '../corpus.js';
import { BIN, round, run, withTempDir } from '../lib/common.js';

async function timed(files, jobs) {
  return withTempDir(`jobs${jobs}`, async (dir) => {
    // GNU time reports the CPU seconds of the whole tree (node and every Apertium stage).
    const args = [
      '-f',
      '%e %U %S',
      'node',
      BIN,
      'translate',
      ...files,
      '--jobs',
      String(jobs),
      '--out',
      join(dir, 'out'),
      '--memory',
      join(dir, 'm.jsonl'),
      '--quiet',
      '--no-glossary',
    ];
    const { stderr } = await run('/usr/bin/time', args);
    const [wall, user, sys] = stderr.trim().split('\n').at(-1).split(' ').map(Number);
    return { seconds: wall, cpuSeconds: round(user + sys, 2), coresBusy: round((user + sys) / wall, 2) };
  });
}

export async function apertiumJobs({ count = 40 } = {}) {
  const corpus = await writeCorpus({ count: 1000 });
  const files = corpusFiles(corpus).slice(0, count);
  const one = await timed(files, 1);
  const two = await timed(files, 2);
  const speedup = one.seconds / two.seconds;
  const result = {
    articles: count,
    jobs1: one,
    jobs2: two,
    speedup: round(speedup, 2),
    target: 1.7,
    met: speedup >= 1.7,
  };
  return {
    key: 'apertiumJobs',
    result,
    table: {
      title: `Figure 4 — Apertium on ${count} corpus articles, --jobs 1 vs --jobs 2 (speed-up ${result.speedup}×)`,
      header: ['jobs', 'seconds', 'CPU s (all processes)', 'cores busy'],
      rows: [
        [1, one.seconds, one.cpuSeconds, one.coresBusy],
        [2, two.seconds, two.cpuSeconds, two.coresBusy],
      ],
    },
    summary: [
      {
        figure: '4 apertium --jobs 2 vs --jobs 1',
        measured: `${result.speedup}×`,
        target: '≥ 1.7×',
        met: result.met,
      },
    ],
  };
}
