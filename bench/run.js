// Runs every benchmark figure, prints one table per figure and a final summary (figure, measured,
// target, met?), and records each figure under its own key in bench/results.json.
// Build first (npm run bench does): npx tsc -p tsconfig.json
// Usage: node bench/run.js [figure ...]   e.g. node bench/run.js startup scaling
import { join } from 'node:path';
import { apertiumJobs } from './figures/apertium-jobs.js';
import { checkHarness } from './figures/check-harness.js';
import { deeplScheduler } from './figures/deepl-scheduler.js';
import { englishQuality } from './figures/english-quality.js';
import { glossaryQuality } from './figures/glossary-quality.js';
import { memoryScale } from './figures/memory-scale.js';
import { pipelineVsToolkit } from './figures/pipeline-vs-toolkit.js';
import { scaling } from './figures/scaling.js';
import { seedApertium } from './figures/seed-apertium.js';
import { startup } from './figures/startup.js';
import { loadResults, machine, printTable, ROOT, round, saveResult } from './lib/common.js';

/** The two benches that predate the runner run as they are, in a child process; their figures are read back from results.json. */
function script(file, key, summarise) {
  return async () => {
    const { spawnSync } = await import('node:child_process');
    const child = spawnSync('node', [join(ROOT, 'bench', file)], { cwd: ROOT, stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`${file} exited with ${child.status}`);
    return { key, summary: summarise((await loadResults())[key]) };
  };
}

const figures = {
  seed: seedApertium,
  pipeline: pipelineVsToolkit,
  scaling,
  jobs: apertiumJobs,
  startup,
  deepl: script('deepl-rate.js', 'deepl', (r) => [
    {
      figure: '6 deepl: share of the rate limit used',
      measured: `${r.ratePercent} %`,
      target: '≥ 90 %',
      met: r.ratePercent >= 90,
    },
    {
      figure: '6 deepl: requests per segment',
      measured: String(r.requestsPerSegment),
      target: '≤ 0.05',
      met: r.requestsPerSegment <= 0.05,
    },
  ]),
  scheduler: deeplScheduler,
  segmentation: script('segment-accuracy.js', 'segmentation', (r) => [
    {
      figure: 'segmentation accuracy (versio / Intl.Segmenter)',
      measured: `${r.overall.versio.accuracy} % / ${r.overall.intl.accuracy} %`,
      target: '(report)',
      met: '',
    },
  ]),
  glossary: glossaryQuality,
  memory: memoryScale,
  check: checkHarness,
  english: englishQuality,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in figures));
if (unknown.length > 0) {
  console.error(`unknown figure(s): ${unknown.join(', ')}; known: ${Object.keys(figures).join(', ')}`);
  process.exit(2);
}
const started = performance.now();
console.log(`machine: ${JSON.stringify(machine())}`);
const summary = [];
for (const [name, figure] of Object.entries(figures)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const t0 = performance.now();
  try {
    const outcome = await figure();
    for (const table of outcome.tables ?? (outcome.table ? [outcome.table] : [])) {
      printTable(table.title, table.header, table.rows);
    }
    if (outcome.result) await saveResult(outcome.key, outcome.result);
    summary.push(...outcome.summary);
  } catch (error) {
    console.error(`\n${name}: failed: ${error.message}`);
    summary.push({ figure: name, measured: 'failed', target: '', met: false });
    process.exitCode = 1;
  }
  console.log(`(${name}: ${round((performance.now() - t0) / 1000, 1)} s)`);
}
printTable(
  `Summary (whole run ${round((performance.now() - started) / 1000, 1)} s)`,
  ['figure', 'measured', 'target', 'met?'],
  summary.map((s) => [s.figure, s.measured, s.target, s.met === '' ? '' : s.met ? 'yes' : 'no']),
);
