// Figure 2: Versio's non-engine stages (read, segment, glossary match/protect/restore, XLIFF,
// render, with the pseudo provider standing in for the engine) on the corpus, against Translate
// Toolkit's `txt2po | posegment | po2xliff` (Debian translate-toolkit) on the same files.
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { corpusFiles, writeCorpus } from '../corpus.js';
import { ROOT, round, run, withTempDir } from '../lib/common.js';
import { stageTimes } from '../lib/stages.js';

export async function pipelineVsToolkit({ count = 1000 } = {}) {
  const corpus = await writeCorpus({ count });
  const mb = corpus.bytes / 1e6;
  const versio = await withTempDir('pipeline', async (out) => {
    const { stdout } = await run('node', [
      join(ROOT, 'bench/lib/pipeline-child.js'),
      corpus.dir,
      String(count),
      out,
    ]);
    return JSON.parse(stdout);
  });
  const toolkit = await withTempDir('toolkit', async (dir) => {
    const input = join(dir, 'txt');
    await mkdir(input);
    for (const file of corpusFiles(corpus)) await cp(file, join(input, file.slice(corpus.dir.length + 1)));
    const steps = {};
    // Directory in, directory out: one Python process per tool for the whole corpus.
    steps.txt2po = (
      await run('txt2po', ['--progress=none', '-i', input, '-o', join(dir, 'po')], { cwd: dir })
    ).seconds;
    steps.posegment = (
      await run('posegment', ['--progress=none', '-i', join(dir, 'po'), '-o', join(dir, 'seg')], { cwd: dir })
    ).seconds;
    steps.po2xliff = (
      await run('po2xliff', ['--progress=none', '-i', join(dir, 'seg'), '-o', join(dir, 'xlf')], { cwd: dir })
    ).seconds;
    return { steps, seconds: steps.txt2po + steps.posegment + steps.po2xliff };
  });
  const stages = await stageTimes(corpusFiles(corpus));
  const ratio = toolkit.seconds / versio.seconds;
  const sameWork = toolkit.seconds / (stages.read + stages.xliff);
  const result = {
    articles: count,
    megabytes: round(mb, 2),
    segments: versio.segments,
    versioSeconds: round(versio.seconds, 2),
    articlesPerSecond: round(count / versio.seconds, 1),
    megabytesPerSecond: round(mb / versio.seconds, 3),
    toolkitSeconds: round(toolkit.seconds, 2),
    toolkitSteps: Object.fromEntries(Object.entries(toolkit.steps).map(([k, v]) => [k, round(v, 2)])),
    speedup: round(ratio, 2),
    stagesInMemorySeconds: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, round(v, 3)])),
    sameWorkSpeedup: round(sameWork, 1),
    target: 20,
    met: ratio >= 20,
  };
  const rows = [
    [
      'versio translate --provider pseudo (runner, all outputs, fsynced)',
      result.versioSeconds,
      result.articlesPerSecond,
      result.megabytesPerSecond,
    ],
    [
      'translate-toolkit txt2po + posegment + po2xliff',
      result.toolkitSeconds,
      round(count / toolkit.seconds, 1),
      round(mb / toolkit.seconds, 3),
    ],
    ...Object.entries(result.stagesInMemorySeconds).map(([stage, s]) => [
      `  versio stage in memory: ${stage}`,
      s,
      round(count / s, 0),
      round(mb / s, 2),
    ]),
  ];
  return {
    key: 'pipelineVsToolkit',
    result,
    table: {
      title: `Figure 2 — non-engine pipeline on ${count} articles (${result.megabytes} MB, ${result.segments} segments); Versio ${result.speedup}× Translate Toolkit`,
      header: ['what', 'seconds', 'articles/s', 'MB/s'],
      rows,
    },
    summary: [
      {
        figure: '2 pipeline vs translate-toolkit',
        measured: `${result.speedup}×`,
        target: '≥ 20×',
        met: result.met,
      },
      {
        figure: '2 same work (read+segment+XLIFF, in memory)',
        measured: `${result.sameWorkSpeedup}×`,
        target: '(info)',
        met: '',
      },
    ],
  };
}
