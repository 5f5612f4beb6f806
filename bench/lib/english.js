// What the English figures share (bench/figures/english-quality.js, bench/english-rules.js):
// the article sets with human references, chrF2 block by block, and `versio translate` runs.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { postEdit } from '../../dist/postedit/index.js';
import { corpusChrf } from '../../dist/score/chrf.js';
import { BIN, ROOT, round, run } from './common.js';

/**
 * The two sets: `tuning`, the ten corpus articles with references (the post-editing rules were
 * chosen reading their output), and `heldout`, eight articles written after the rules were
 * (tests/fixtures/heldout/README.md).
 */
export const SETS = {
  tuning: {
    sources: join(ROOT, 'tests/fixtures/corpus'),
    references: join(ROOT, 'tests/fixtures/references'),
  },
  heldout: {
    sources: join(ROOT, 'tests/fixtures/heldout'),
    references: join(ROOT, 'tests/fixtures/heldout'),
  },
};

/** The articles of a set that have a reference: name, French file, glossary, French and reference text. */
export async function articlesOf(set) {
  const { sources, references } = SETS[set];
  const sourceFiles = await readdir(sources);
  const names = (await readdir(references)).filter((f) => f.endsWith('.en.txt')).map((f) => f.slice(0, -7));
  const articles = [];
  for (const name of names.sort()) {
    const glossary = sourceFiles.find((f) => f.startsWith(`${name}.glossary.`));
    articles.push({
      name,
      set,
      file: join(sources, `${name}.fr.txt`),
      glossary: glossary && join(sources, glossary),
      french: await readFile(join(sources, `${name}.fr.txt`), 'utf8'),
      reference: await readFile(join(references, `${name}.en.txt`), 'utf8'),
    });
  }
  return articles;
}

/**
 * Typographic conventions are not translation quality: quotation marks (“ ” « » ‘ ’ → " ')
 * are made the same on both sides before scoring, for every system alike (chrF ignores
 * whitespace anyway).
 */
const normalise = (text) =>
  text
    .replace(/[«»“”„]/gu, '"')
    .replace(/[‘’]/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();

export const blocks = (text) =>
  text
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n[ \t]*(?:\r?\n[ \t]*)+/u)
    .map((block) => normalise(block))
    .filter((block) => block !== '');

/** Hypothesis/reference pairs: block by block when the block counts agree, else the whole article. */
function pairs(hypothesis, reference) {
  const h = blocks(hypothesis);
  const r = blocks(reference);
  return h.length === r.length ? h.map((block, i) => [block, r[i]]) : [[h.join(' '), r.join(' ')]];
}

/** Corpus chrF2 of `outputs` (name → English) over `articles`; a missing output scores as empty. */
export function score(outputs, articles) {
  const all = articles.flatMap((a) => pairs(outputs[a.name] ?? '', a.reference));
  return round(
    corpusChrf(
      all.map(([h]) => h),
      all.map(([, r]) => r),
    ),
    2,
  );
}

/** `versio translate` for the articles (one command without glossary, one per article with its own), fresh memory. */
export async function versio(dir, label, articles, { glossary, postedit, repair = true, names = true }) {
  const env = { ...process.env, ...(postedit === undefined ? {} : { VERSIO_POSTEDIT: postedit }) };
  if (!repair) env.VERSIO_REPAIR = 'off';
  if (!names) env.VERSIO_NAMES = 'off';
  const out = join(dir, label);
  const common = ['--out', out, '--quiet', '--memory', join(dir, `${label}.jsonl`)];
  const failed = {};
  if (!glossary) {
    await run('node', [BIN, 'translate', ...articles.map((a) => a.file), ...common, '--no-glossary'], {
      env,
    });
  } else {
    for (const article of articles) {
      const args = [BIN, 'translate', article.file, ...common, '--glossary', article.glossary];
      const result = await run('node', args, { env, allowFail: true });
      if (result.code !== 0) failed[article.name] = result.stderr.trim();
    }
  }
  const outputs = {};
  for (const { name } of articles) {
    if (!(name in failed)) outputs[name] = await readFile(join(out, `${name}.en.txt`), 'utf8');
  }
  return { outputs, failed };
}

/** The raw pivot over all articles in one process pair: blocks are kept, so each article's share is cut back out. */
export async function rawPivot(dir, articles) {
  const joined = articles.map((a) => blocks(a.french).join('\n\n')).join('\n\n');
  // A file, not stdin: the apertium wrapper opens /dev/stdin, which fails on a pipe from Node.
  const file = join(dir, 'raw.fr.txt');
  await writeFile(file, joined);
  const { stdout } = await run('sh', ['-c', 'apertium -u fr-es "$1" | apertium -u spa-eng', 'sh', file]);
  const all = blocks(stdout);
  const outputs = {};
  let at = 0;
  for (const article of articles) {
    const count = blocks(article.french).length;
    outputs[article.name] = all.slice(at, at + count).join('\n\n');
    at += count;
  }
  if (at !== all.length) throw new Error(`raw pivot: ${all.length} blocks back for ${at} sent`);
  return outputs;
}

/** Families applied to the English of Versio without post-editing, block by block (each block with its French, for rules that need it). */
export function withFamilies(outputs, families, articles = []) {
  const french = new Map(articles.map((a) => [a.name, blocks(a.french)]));
  return Object.fromEntries(
    Object.entries(outputs).map(([name, text]) => [
      name,
      blocks(text)
        // The block's French, for the rules that apply only where it says so (whenSource).
        .map((b, i) => postEdit(b, families, { source: french.get(name)?.[i] ?? '' }))
        .join('\n\n'),
    ]),
  );
}
