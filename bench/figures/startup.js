// Figure 5: start-up of `versio --help` and `versio --version` against `node -e 0` (median of N runs).
import { BIN, median, round, run } from '../lib/common.js';

export async function startup({ runs = 20 } = {}) {
  const commands = {
    'node -e 0': ['-e', '0'],
    'versio --help': [BIN, '--help'],
    'versio --version': [BIN, '--version'],
  };
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  // Interleaved, so a slow moment of the machine hits all three alike.
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of Object.entries(commands)) times[name].push((await run('node', args)).seconds);
  }
  const base = median(times['node -e 0']);
  const rows = Object.entries(times).map(([name, list]) => [
    name,
    round(median(list) * 1000, 1),
    `${round(median(list) / base, 2)}×`,
  ]);
  const help = median(times['versio --help']) / base;
  const version = median(times['versio --version']) / base;
  const result = {
    runs,
    medianMs: Object.fromEntries(
      Object.entries(times).map(([name, list]) => [name, round(median(list) * 1000, 1)]),
    ),
    helpRatio: round(help, 2),
    versionRatio: round(version, 2),
    target: 1.5,
    met: help <= 1.5 && version <= 1.5,
  };
  return {
    key: 'startup',
    result,
    table: {
      title: `Figure 5 — start-up, median of ${runs} runs`,
      header: ['command', 'median ms', 'vs node -e 0'],
      rows,
    },
    summary: [
      {
        figure: '5 versio --help vs node -e 0',
        measured: `${result.helpRatio}×`,
        target: '≤ 1.5×',
        met: help <= 1.5,
      },
      {
        figure: '5 versio --version vs node -e 0',
        measured: `${result.versionRatio}×`,
        target: '≤ 1.5×',
        met: version <= 1.5,
      },
    ],
  };
}
