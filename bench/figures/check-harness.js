// Figure 8: `versio check --severity warning` on the error-injection harness — per error kind the
// share of injected errors found, and the findings raised on the clean human translations.
// Pairs: tests/fixtures/check-harness/ (written for this project). Core: src/check/harness/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runHarness } from '../../dist/check/harness/run.js';
import { ROOT, round } from '../lib/common.js';

export async function checkHarness() {
  const dir = join(ROOT, 'tests/fixtures/check-harness');
  const pairs = JSON.parse(await readFile(join(dir, 'pairs.json'), 'utf8'));
  const t0 = performance.now();
  const r = await runHarness(pairs, join(dir, 'glossary.yaml'));
  const seconds = round((performance.now() - t0) / 1000, 2);
  const share = (found, injected) => round((100 * found) / injected, 1);
  const overall = share(r.found, r.injected);
  const worst = Math.min(...r.kinds.map((k) => share(k.found, k.injected)));
  const per50 = round((50 * r.falseFindings.length) / r.segments, 2);
  const rows = r.kinds.map((k) => [k.kind, k.injected, k.found, `${share(k.found, k.injected)} %`]);
  rows.push(['all kinds', r.injected, r.found, `${overall} %`]);
  rows.push(['clean pairs: false findings', r.segments, r.falseFindings.length, `${per50} per 50`]);
  return {
    key: 'checkHarness',
    result: {
      segments: r.segments,
      injected: r.injected,
      found: r.found,
      overallPercent: overall,
      worstKindPercent: worst,
      falseFindings: r.falseFindings.length,
      falsePer50: per50,
      seconds,
      kinds: Object.fromEntries(r.kinds.map((k) => [k.kind, { injected: k.injected, found: k.found }])),
    },
    table: {
      title: `Figure 8 — versio check on ${r.segments} clean FR→EN pairs and ${r.injected} injected errors (${seconds} s)`,
      header: ['error kind', 'injected', 'found', 'share'],
      rows,
    },
    summary: [
      {
        figure: '8 check: injected errors found (all / worst kind)',
        measured: `${overall} % / ${worst} %`,
        target: '≥ 90 % / ≥ 80 %',
        met: overall >= 90 && worst >= 80,
      },
      {
        figure: '8 check: false findings on clean pairs',
        measured: `${r.falseFindings.length} on ${r.segments} (${per50} per 50)`,
        target: '≤ 1 per 50',
        met: per50 <= 1,
      },
    ],
  };
}
