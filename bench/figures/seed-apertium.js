// Figure 1: the seed article end to end with Apertium (`versio translate`, fresh memory so it
// really translates) vs the bare shell pipeline `apertium -u fr-es | apertium -u spa-eng`.
import { join } from 'node:path';
import { BIN, median, round, run, withTempDir } from '../lib/common.js';

const ARTICLE = 'source/palmyre.fr.txt';

export async function seedApertium({ runs = 5 } = {}) {
  const versio = [];
  const shell = [];
  await withTempDir('seed', async (dir) => {
    for (let i = 0; i < runs; i++) {
      const out = join(dir, `out-${i}`);
      const memory = join(dir, `memory-${i}.jsonl`);
      versio.push(
        (await run('node', [BIN, 'translate', ARTICLE, '--out', out, '--memory', memory, '--quiet'])).seconds,
      );
      shell.push(
        (await run('sh', ['-c', `apertium -u fr-es "$1" | apertium -u spa-eng >/dev/null`, 'sh', ARTICLE]))
          .seconds,
      );
    }
  });
  const ratio = median(versio) / median(shell);
  const result = {
    article: ARTICLE,
    runs,
    versioSeconds: versio.map((s) => round(s, 3)),
    shellSeconds: shell.map((s) => round(s, 3)),
    versioMedian: round(median(versio), 3),
    shellMedian: round(median(shell), 3),
    ratio: round(ratio, 2),
    target: 1.5,
    met: ratio <= 1.5,
  };
  return {
    key: 'seedApertium',
    result,
    table: {
      title: `Figure 1 — seed article with Apertium, median of ${runs} runs`,
      header: ['command', 'median s', 'runs (s)'],
      rows: [
        ['versio translate (fresh memory)', result.versioMedian, result.versioSeconds.join(' ')],
        ['apertium -u fr-es | apertium -u spa-eng', result.shellMedian, result.shellSeconds.join(' ')],
        ['ratio', `${result.ratio}×`, ''],
      ],
    },
    summary: [
      {
        figure: '1 seed article vs apertium shell',
        measured: `${result.ratio}×`,
        target: '≤ 1.5×',
        met: result.met,
      },
    ],
  };
}
