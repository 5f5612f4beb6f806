// Figure 1: the seed article end to end with Apertium (`versio translate`, fresh memory so it
// really translates), with the unknown-word repair (the default) cold (an empty look-up cache:
// the first run of an installation) and warm (the cache filled by an earlier run), without it
// (VERSIO_REPAIR=off), vs the bare shell pipeline `apertium -u fr-es | apertium -u spa-eng`.
// The four run in turn in each round, so they see the same load; the load average is recorded.
import os from 'node:os';
import { join } from 'node:path';
import { BIN, median, round, run, withTempDir } from '../lib/common.js';

const ARTICLE = 'source/palmyre.fr.txt';

const loadAverage = () => os.loadavg().map((value) => round(value, 1));

export async function seedApertium({ runs = 5 } = {}) {
  const cold = [];
  const warm = [];
  const noRepair = [];
  const shell = [];
  const loads = [loadAverage()];
  await withTempDir('seed', async (dir) => {
    const translate = (label, i, env) => {
      const out = join(dir, `${label}-${i}`);
      const args = [BIN, 'translate', ARTICLE, '--out', out, '--memory', `${out}.jsonl`, '--quiet'];
      return run('node', args, { env: { ...process.env, ...env } });
    };
    const warmCache = join(dir, 'cache-warm');
    await translate('fill', 0, { VERSIO_CACHE_DIR: warmCache }); // untimed: fills the warm cache
    for (let i = 0; i < runs; i++) {
      cold.push((await translate('cold', i, { VERSIO_CACHE_DIR: join(dir, `cache-cold-${i}`) })).seconds);
      warm.push((await translate('warm', i, { VERSIO_CACHE_DIR: warmCache })).seconds);
      noRepair.push(
        (await translate('no-repair', i, { VERSIO_REPAIR: 'off', VERSIO_CACHE_DIR: join(dir, 'cache-off') }))
          .seconds,
      );
      shell.push(
        (await run('sh', ['-c', `apertium -u fr-es "$1" | apertium -u spa-eng >/dev/null`, 'sh', ARTICLE]))
          .seconds,
      );
      loads.push(loadAverage());
    }
  });
  const ratio = median(warm) / median(shell);
  const coldRatio = median(cold) / median(shell);
  const noRepairRatio = median(noRepair) / median(shell);
  const result = {
    article: ARTICLE,
    runs,
    /** Repair on, look-up cache filled by an earlier run (the steady state). */
    versioSeconds: warm.map((s) => round(s, 3)),
    /** Repair on, empty look-up cache (an installation's first run). */
    coldSeconds: cold.map((s) => round(s, 3)),
    noRepairSeconds: noRepair.map((s) => round(s, 3)),
    shellSeconds: shell.map((s) => round(s, 3)),
    versioMedian: round(median(warm), 3),
    coldMedian: round(median(cold), 3),
    noRepairMedian: round(median(noRepair), 3),
    shellMedian: round(median(shell), 3),
    ratio: round(ratio, 2),
    coldRatio: round(coldRatio, 2),
    noRepairRatio: round(noRepairRatio, 2),
    /** 1-, 5- and 15-minute load averages before the first round and after each. */
    loadAverages: loads,
    target: 1.5,
    met: ratio <= 1.5,
  };
  const load = `load ${loads[0]?.[0]}–${loads.at(-1)?.[0]}`;
  return {
    key: 'seedApertium',
    result,
    table: {
      title: `Figure 1 — seed article with Apertium, median of ${runs} runs (${load})`,
      header: ['command', 'median s', 'runs (s)'],
      rows: [
        [
          'versio translate (fresh memory), warm repair cache',
          result.versioMedian,
          result.versioSeconds.join(' '),
        ],
        ['same, cold repair cache (empty)', result.coldMedian, result.coldSeconds.join(' ')],
        ['same, VERSIO_REPAIR=off', result.noRepairMedian, result.noRepairSeconds.join(' ')],
        ['apertium -u fr-es | apertium -u spa-eng', result.shellMedian, result.shellSeconds.join(' ')],
        [
          'ratio (warm / cold / repair off)',
          `${result.ratio}× / ${result.coldRatio}× / ${result.noRepairRatio}×`,
          '',
        ],
      ],
    },
    summary: [
      {
        figure: '1 seed article vs apertium shell',
        measured: `${result.ratio}× warm cache, ${result.coldRatio}× cold (repair off ${result.noRepairRatio}×; ${load})`,
        target: '≤ 1.5×',
        met: result.met,
      },
    ],
  };
}
