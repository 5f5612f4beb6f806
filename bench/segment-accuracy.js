// Sentence segmentation: exact-match accuracy of Versio's French rules against Node's
// Intl.Segmenter (ICU, locale fr) on the corpus tests/fixtures/segmentation/cases.json,
// plus throughput over 1,000 copies of the seed article. Build first: npx tsc -p tsconfig.json
// Usage: node bench/segment-accuracy.js   (prints a table, writes bench/results.json "segmentation")
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../dist/io/atomic-write.js';
import { segmentText } from '../dist/segment/index.js';

const root = new URL('../', import.meta.url);
const resultsPath = new URL('bench/results.json', root);
const { cases } = JSON.parse(await readFile(new URL('tests/fixtures/segmentation/cases.json', root), 'utf8'));
const article = await readFile(new URL('source/palmyre.fr.txt', root), 'utf8');

const icu = new Intl.Segmenter('fr', { granularity: 'sentence' });

const segmenters = {
  versio: (text) => segmentText(text).map((span) => text.slice(span.start, span.end)),
  intl: (text) =>
    Array.from(icu.segment(text), (s) => s.segment.trim()).filter((sentence) => sentence !== ''),
};

const sameSentences = (a, b) => a.length === b.length && a.every((sentence, i) => sentence === b[i]);

function accuracy() {
  const byCategory = new Map();
  for (const c of cases) {
    const row = byCategory.get(c.category) ?? { cases: 0, versio: 0, intl: 0 };
    row.cases++;
    for (const [name, segment] of Object.entries(segmenters)) {
      if (sameSentences(segment(c.input), c.expected)) row[name]++;
    }
    byCategory.set(c.category, row);
  }
  const overall = { cases: 0, versio: 0, intl: 0 };
  for (const row of byCategory.values()) for (const key of Object.keys(overall)) overall[key] += row[key];
  return { byCategory, overall };
}

/** Characters per second over 1,000 copies of the seed article, split into blocks as the reader does. */
function throughput(segment) {
  const blocks = article.split(/\r?\n[ \t]*(?:\r?\n[ \t]*)+/).filter((block) => block.trim() !== '');
  const chars = blocks.reduce((sum, block) => sum + block.length, 0) * 1000;
  let sentences = 0;
  const started = process.hrtime.bigint();
  for (let copy = 0; copy < 1000; copy++) for (const block of blocks) sentences += segment(block).length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    articles: 1000,
    chars,
    sentences,
    seconds: round(seconds, 3),
    charsPerSecond: Math.round(chars / seconds),
  };
}

const round = (value, digits) => Number(value.toFixed(digits));
const percent = (hits, total) => round((100 * hits) / total, 1);

const { byCategory, overall } = accuracy();
const speed = { versio: throughput(segmenters.versio), intl: throughput(segmenters.intl) };

const lines = [['category', 'cases', 'versio %', 'intl %']];
for (const [category, row] of [...byCategory, ['overall', overall]]) {
  lines.push([
    category,
    String(row.cases),
    percent(row.versio, row.cases).toFixed(1),
    percent(row.intl, row.cases).toFixed(1),
  ]);
}
const widths = lines[0].map((_, col) => Math.max(...lines.map((line) => line[col].length)));
for (const [i, line] of lines.entries()) {
  console.log(
    line.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '),
  );
  if (i === 0 || i === lines.length - 2) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
for (const [name, s] of Object.entries(speed)) {
  console.log(
    `${name}: ${s.articles} articles, ${s.chars} chars, ${s.sentences} sentences in ${s.seconds} s`,
  );
}

const figure = (row) => ({
  cases: row.cases,
  versio: { exact: row.versio, accuracy: percent(row.versio, row.cases) },
  intl: { exact: row.intl, accuracy: percent(row.intl, row.cases) },
});
let results = {};
try {
  results = JSON.parse(await readFile(resultsPath, 'utf8'));
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
results.segmentation = {
  corpus: 'tests/fixtures/segmentation/cases.json',
  node: process.version,
  icu: process.versions.icu,
  overall: figure(overall),
  categories: Object.fromEntries([...byCategory].map(([category, row]) => [category, figure(row)])),
  throughput: speed,
};
await writeFileAtomic(resultsPath.pathname, `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${resultsPath.pathname} (segmentation)`);
