// Time of each non-engine stage, in memory (no output file, no fsync), over the given articles.
// Every step is the pipeline's own exported function (dist/pipeline/), called in the order
// pipeline/translate.ts calls them, so the bench cannot drift from the runner; only the clock
// between them is the bench's. The translation memory is a stand-in that never hits and keeps
// nothing: the stages, not the disk, are measured here.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCheckConfig } from '../../dist/check/config-file.js';
import { loadGlossary } from '../../dist/glossary/load.js';
import { buildMatcher } from '../../dist/glossary/match.js';
import { decodeText } from '../../dist/io/text-file.js';
import { pipelineContext } from '../../dist/pipeline/context.js';
import { executePlan } from '../../dist/pipeline/execute.js';
import { planDocument } from '../../dist/pipeline/plan.js';
import { parseDocument } from '../../dist/pipeline/read.js';
import { annotateTerms } from '../../dist/pipeline/terms.js';
import { derivedFiles, outputPaths, reviewFindings, xliffText } from '../../dist/pipeline/write.js';
import { createPseudo } from '../../dist/providers/pseudo.js';
import { ROOT } from './common.js';

// A memory that holds nothing: every key is this run's to send (a repeat waits for its first send).
const pending = new Map();
const settle = (key, record) => {
  pending.get(key)?.(record);
  pending.delete(key);
};
const noMemory = {
  lookup: async () => undefined,
  lookupImported: async () => undefined,
  append: async (records) => {
    for (const record of records) settle(record.key, record);
  },
  claim: async (keys) =>
    new Map(
      [...new Set(keys)].map((key) => [key, { kind: 'mine', done: new Promise((r) => pending.set(key, r)) }]),
    ),
  release: async (keys) => {
    for (const key of keys) settle(key, undefined);
  },
  close: async () => {},
};

export async function stageTimes(files) {
  const langs = { sourceLang: 'fr', targetLang: 'en' };
  const glossary = await loadGlossary(join(ROOT, 'glossary/versio.glossary.yaml'));
  const matcher = buildMatcher(glossary);
  const config = await loadCheckConfig(ROOT);
  const provider = await createPseudo(langs);
  const ctx = pipelineContext({ provider, memory: noMemory, glossary, signal: new AbortController().signal });
  const bytes = await Promise.all(files.map((file) => readFile(file)));
  const time = { read: 0, glossary: 0, translate: 0, check: 0, xliff: 0, render: 0 };
  const lap = async (stage, fn) => {
    const started = performance.now();
    const value = await fn();
    time[stage] += (performance.now() - started) / 1000;
    return value;
  };
  for (const [index, data] of bytes.entries()) {
    const file = files[index];
    const paths = outputPaths(file, 'out', langs.sourceLang, langs.targetLang);
    const parsed = await lap('read', () => parseDocument(decodeText(data, file), file, langs));
    const doc = await lap('glossary', () => annotateTerms(parsed, matcher));
    await lap('translate', async () => executePlan(await planDocument(doc, ctx), ctx));
    const findings = await lap('check', () => reviewFindings(doc, matcher, glossary, config));
    await lap('xliff', () => xliffText(doc, 'xliff12'));
    await lap('render', () => derivedFiles(doc, paths, { findings, glossary }));
  }
  return time;
}
