// Figure 1: the seed article end to end with Apertium (`versio translate`, fresh memory so it
// really translates), with the unknown-word repair (the default) cold (an empty look-up cache:
// the first run of an installation), warm (the cache filled by an earlier run of this article),
// after other articles (the cache filled by the 26 corpus articles, not this one: a newsroom's
// steady state, where an article brings words of its own), without it (VERSIO_REPAIR=off), vs
// the bare shell pipeline `apertium -u fr-es | apertium -u spa-eng`; and through an engine server
// (`versio engine`, its pipelines loaded by one untimed run) with an empty look-up cache and with the
// corpus articles' cache. The seven run in turn in each round, so they see the same load; the load
// average is recorded. Every run but the server's has VERSIO_ENGINE=local: a server someone left
// running on the machine is not measured by mistake.
import { cp, readdir } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { BIN, median, ROOT, round, run, withTempDir } from '../lib/common.js';

const ARTICLE = 'source/palmyre.fr.txt';
const CORPUS = 'tests/fixtures/corpus';

const loadAverage = () => os.loadavg().map((value) => round(value, 1));

export async function seedApertium({ runs = 5 } = {}) {
  const cold = [];
  const warm = [];
  const others = [];
  const noRepair = [];
  const shell = [];
  const serverCold = [];
  const serverOthers = [];
  const loads = [loadAverage()];
  await withTempDir('seed', async (dir) => {
    const socket = join(dir, 'engine.sock');
    const translate = (label, i, env, files = [ARTICLE]) => {
      const out = join(dir, `${label}-${i}`);
      const args = [BIN, 'translate', ...files, '--out', out, '--memory', `${out}.jsonl`, '--quiet'];
      return run('node', args, { env: { ...process.env, VERSIO_ENGINE: 'local', ...env } });
    };
    const viaServer = { VERSIO_ENGINE: '', VERSIO_ENGINE_SOCKET: socket };
    const engine = (command) =>
      run('node', [BIN, 'engine', command, '--socket', socket], {
        env: { ...process.env, VERSIO_CACHE_DIR: join(dir, 'cache-engine') },
      });
    const warmCache = join(dir, 'cache-warm');
    await translate('fill', 0, { VERSIO_CACHE_DIR: warmCache }); // untimed: fills the warm cache
    // Untimed: the cache the corpus articles leave (one copy per round, since a run adds to it).
    const corpusCache = join(dir, 'cache-corpus');
    const corpus = (await readdir(join(ROOT, CORPUS))).filter((f) => f.endsWith('.fr.txt'));
    await translate(
      'corpus',
      0,
      { VERSIO_CACHE_DIR: corpusCache },
      corpus.map((f) => join(CORPUS, f)),
    );
    await engine('start');
    try {
      // Untimed: the server loads the main pipeline and the repair's chains (an empty cache asks them all).
      await translate('server-fill', 0, { ...viaServer, VERSIO_CACHE_DIR: join(dir, 'cache-server-fill') });
      for (let i = 0; i < runs; i++) {
        cold.push((await translate('cold', i, { VERSIO_CACHE_DIR: join(dir, `cache-cold-${i}`) })).seconds);
        warm.push((await translate('warm', i, { VERSIO_CACHE_DIR: warmCache })).seconds);
        const afterOthers = join(dir, `cache-others-${i}`);
        await cp(corpusCache, afterOthers, { recursive: true });
        others.push((await translate('others', i, { VERSIO_CACHE_DIR: afterOthers })).seconds);
        noRepair.push(
          (
            await translate('no-repair', i, {
              VERSIO_REPAIR: 'off',
              VERSIO_CACHE_DIR: join(dir, 'cache-off'),
            })
          ).seconds,
        );
        shell.push(
          (await run('sh', ['-c', `apertium -u fr-es "$1" | apertium -u spa-eng >/dev/null`, 'sh', ARTICLE]))
            .seconds,
        );
        serverCold.push(
          (
            await translate('server-cold', i, {
              ...viaServer,
              VERSIO_CACHE_DIR: join(dir, `cache-server-cold-${i}`),
            })
          ).seconds,
        );
        const serverAfterOthers = join(dir, `cache-server-others-${i}`);
        await cp(corpusCache, serverAfterOthers, { recursive: true });
        serverOthers.push(
          (await translate('server-others', i, { ...viaServer, VERSIO_CACHE_DIR: serverAfterOthers }))
            .seconds,
        );
        loads.push(loadAverage());
      }
    } finally {
      await engine('stop');
    }
  });
  const ratio = median(warm) / median(shell);
  const coldRatio = median(cold) / median(shell);
  const othersRatio = median(others) / median(shell);
  const noRepairRatio = median(noRepair) / median(shell);
  const serverColdRatio = median(serverCold) / median(shell);
  const serverOthersRatio = median(serverOthers) / median(shell);
  const result = {
    article: ARTICLE,
    runs,
    /** Repair on, look-up cache filled by an earlier run (the steady state). */
    versioSeconds: warm.map((s) => round(s, 3)),
    /** Repair on, empty look-up cache (an installation's first run). */
    coldSeconds: cold.map((s) => round(s, 3)),
    /** Repair on, cache filled by the corpus articles (not this one). */
    othersSeconds: others.map((s) => round(s, 3)),
    noRepairSeconds: noRepair.map((s) => round(s, 3)),
    shellSeconds: shell.map((s) => round(s, 3)),
    /** Through `versio engine` (pipelines loaded), empty look-up cache. */
    serverColdSeconds: serverCold.map((s) => round(s, 3)),
    /** Through `versio engine`, cache filled by the corpus articles. */
    serverOthersSeconds: serverOthers.map((s) => round(s, 3)),
    versioMedian: round(median(warm), 3),
    coldMedian: round(median(cold), 3),
    othersMedian: round(median(others), 3),
    noRepairMedian: round(median(noRepair), 3),
    shellMedian: round(median(shell), 3),
    serverColdMedian: round(median(serverCold), 3),
    serverOthersMedian: round(median(serverOthers), 3),
    ratio: round(ratio, 2),
    coldRatio: round(coldRatio, 2),
    othersRatio: round(othersRatio, 2),
    noRepairRatio: round(noRepairRatio, 2),
    serverColdRatio: round(serverColdRatio, 2),
    serverOthersRatio: round(serverOthersRatio, 2),
    /** 1-, 5- and 15-minute load averages before the first round and after each. */
    loadAverages: loads,
    target: 1.5,
    met: ratio <= 1.5,
    /** Every case of an article with words the cache has not seen, through the server. */
    serverMet: Math.max(serverColdRatio, serverOthersRatio) <= 1.5,
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
        ['same, cache of the 26 corpus articles', result.othersMedian, result.othersSeconds.join(' ')],
        ['same, VERSIO_REPAIR=off', result.noRepairMedian, result.noRepairSeconds.join(' ')],
        ['apertium -u fr-es | apertium -u spa-eng', result.shellMedian, result.shellSeconds.join(' ')],
        [
          'versio engine running: empty repair cache',
          result.serverColdMedian,
          result.serverColdSeconds.join(' '),
        ],
        [
          'versio engine running: cache of the 26 corpus articles',
          result.serverOthersMedian,
          result.serverOthersSeconds.join(' '),
        ],
        [
          'ratio (warm / cold / other articles / repair off)',
          `${result.ratio}× / ${result.coldRatio}× / ${result.othersRatio}× / ${result.noRepairRatio}×`,
          '',
        ],
        [
          'ratio with versio engine (empty cache / other articles)',
          `${result.serverColdRatio}× / ${result.serverOthersRatio}×`,
          '',
        ],
      ],
    },
    summary: [
      {
        figure: '1 seed article vs apertium shell',
        measured: `${result.ratio}× warm cache, ${result.coldRatio}× cold, ${result.othersRatio}× after other articles (repair off ${result.noRepairRatio}×; ${load})`,
        target: '≤ 1.5×',
        met: result.met,
      },
      {
        figure: '1 same, `versio engine` running',
        measured: `${result.serverColdRatio}× empty cache, ${result.serverOthersRatio}× after other articles`,
        target: '≤ 1.5×',
        met: result.serverMet,
      },
    ],
  };
}
