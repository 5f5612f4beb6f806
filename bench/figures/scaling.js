// Figure 3: the non-engine pipeline (runner + pseudo provider) on 250, 500, 1,000 and 2,000
// articles, each size in its own child process: time should grow linearly (2× input ≤ 2.1× time)
// and peak RSS should stay flat.
import { join } from 'node:path';
import { writeCorpus } from '../corpus.js';
import { ROOT, round, run, withTempDir } from '../lib/common.js';

export async function scaling({ sizes = [250, 500, 1000, 2000] } = {}) {
  const corpus = await writeCorpus({ count: Math.max(...sizes) });
  const points = [];
  for (const size of sizes) {
    const measured = await withTempDir('scaling', async (out) => {
      const { stdout } = await run('node', [
        join(ROOT, 'bench/lib/pipeline-child.js'),
        corpus.dir,
        String(size),
        out,
      ]);
      return JSON.parse(stdout);
    });
    points.push({
      articles: size,
      seconds: round(measured.seconds, 2),
      maxRssMiB: round(measured.maxRssMiB, 1),
      segments: measured.segments,
    });
  }
  const steps = points.slice(1).map((p, i) => ({
    from: points[i].articles,
    to: p.articles,
    inputRatio: round(p.articles / points[i].articles, 2),
    timeRatio: round(p.seconds / points[i].seconds, 2),
    rssRatio: round(p.maxRssMiB / points[i].maxRssMiB, 2),
  }));
  const worst = Math.max(...steps.map((s) => s.timeRatio / s.inputRatio));
  const rssGrowth = points.at(-1).maxRssMiB / points[0].maxRssMiB;
  const result = {
    points,
    steps,
    worstTimeRatioPer2x: round(worst * 2, 2),
    linear: steps.every((s) => s.timeRatio <= 1.05 * s.inputRatio),
    rssGrowth: round(rssGrowth, 2),
    // "Flat": the largest run's peak within 25 % of the smallest's.
    rssFlat: rssGrowth <= 1.25,
  };
  return {
    key: 'scaling',
    result,
    table: {
      title: 'Figure 3 — scaling of the non-engine pipeline (child process per size)',
      header: ['articles', 'segments', 'seconds', 'peak RSS MiB', 'time ×', 'RSS ×'],
      rows: points.map((p, i) => [
        p.articles,
        p.segments,
        p.seconds,
        p.maxRssMiB,
        steps[i - 1]?.timeRatio ?? '',
        steps[i - 1]?.rssRatio ?? '',
      ]),
    },
    summary: [
      {
        figure: '3 scaling: time per 2× input',
        measured: `${result.worstTimeRatioPer2x}×`,
        target: '≤ 2.1×',
        met: result.linear,
      },
      {
        figure: `3 scaling: peak RSS ${sizes[0]}→${sizes.at(-1)}`,
        measured: `${result.rssGrowth}×`,
        target: 'flat (≤ 1.25×)',
        met: result.rssFlat,
      },
    ],
  };
}
