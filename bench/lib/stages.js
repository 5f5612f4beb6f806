// Time of each non-engine stage, in memory (no output file, no fsync), over the given articles:
// what the runner does per document, split up so a profile has names. The translation memory is a
// stand-in that never hits and keeps nothing: the stages, not the disk, are measured here.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkDocument } from '../../dist/check/check-document.js';
import { loadCheckConfig } from '../../dist/check/config-file.js';
import { loadGlossary } from '../../dist/glossary/load.js';
import { buildMatcher } from '../../dist/glossary/match.js';
import { decodeText } from '../../dist/io/text-file.js';
import { executePlan } from '../../dist/pipeline/execute.js';
import { planDocument } from '../../dist/pipeline/plan.js';
import { annotateTerms } from '../../dist/pipeline/terms.js';
import { createPseudo } from '../../dist/providers/pseudo.js';
import { parseArticle } from '../../dist/read/article.js';
import { renderArticle } from '../../dist/render/article.js';
import { toResources } from '../../dist/render/resources.js';
import { renderReviewPage } from '../../dist/render/review-page.js';
import { writeXliff12 } from '../../dist/xliff/write12.js';
import { ROOT } from './common.js';

// A memory that holds nothing: every key is this run's to send (a repeat waits for its first send).
const pending = new Map();
const settle = (key, record) => {
  pending.get(key)?.(record);
  pending.delete(key);
};
const noMemory = {
  lookup: async () => undefined,
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
};

export async function stageTimes(files) {
  const glossary = await loadGlossary(join(ROOT, 'glossary/versio.glossary.yaml'));
  const matcher = buildMatcher(glossary);
  const config = await loadCheckConfig(ROOT);
  const provider = await createPseudo({ sourceLang: 'fr', targetLang: 'en' });
  const ctx = { provider, memory: noMemory, glossary, signal: new AbortController().signal };
  const bytes = await Promise.all(files.map((file) => readFile(file)));
  const time = { read: 0, glossary: 0, translate: 0, check: 0, xliff: 0, render: 0 };
  const lap = (stage, fn) => {
    const started = performance.now();
    const value = fn();
    time[stage] += (performance.now() - started) / 1000;
    return value;
  };
  for (const [index, data] of bytes.entries()) {
    const input = lap('read', () => decodeText(data, files[index]));
    const parsed = lap('read', () => parseArticle(input.text, files[index], { bom: input.bom }));
    const doc = lap('glossary', () => annotateTerms(parsed, matcher));
    const started = performance.now();
    await executePlan(await planDocument(doc, ctx), ctx);
    time.translate += (performance.now() - started) / 1000;
    const findings = lap('check', () => checkDocument(doc, new Map(), matcher, glossary, config));
    lap('xliff', () => writeXliff12(doc, { toolVersion: 'bench' }));
    lap('render', () => {
      const bundle = toResources(doc);
      renderArticle(doc, bundle, 'en');
      JSON.stringify(bundle, null, 2);
      renderReviewPage(doc, { findings, glossary });
    });
  }
  return time;
}
