// Deterministic corpus of French news articles for the benches, built from the seed article
// (source/palmyre.fr.txt) and the segmentation corpus (tests/fixtures/segmentation/cases.json):
// paragraphs shuffled, place and person names swapped from lists (some in the glossary, some not),
// numbers and dates varied. Same count + seed → byte-identical files on any machine.
// Usage: node bench/corpus.js [count=1000] [seed=1] [dir=bench/out/corpus-<count>-<seed>]
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Bumped whenever the generator changes, so a cached corpus from an older one is rebuilt. */
const GENERATOR = 2;
/** JSON, but not named .json: biome lints bench/** and bench/out/ is generated. */
const MANIFEST = 'corpus.manifest';

/** mulberry32: a small seeded PRNG (32-bit state), uniform in [0, 1). */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = [
  'Palmyre',
  'Alep',
  'Lattaquié',
  'Tartous',
  'Moscou',
  'Homs',
  'Damas',
  'Raqqa',
  'Idleb',
  'Deir ez-Zor',
  'Mossoul',
  'Bagdad',
  'Beyrouth',
  'Genève',
  'Ankara',
  'Kheimim',
  'Hama',
  'Kobané',
];
const PEOPLE = [
  'Sergueï Rudskoy',
  'Vladimir Poutine',
  'Sergueï Choïgou',
  'Bachar al-Assad',
  'Sergueï Lavrov',
  'Emmanuel Macron',
  'Staffan de Mistura',
  'Recep Tayyip Erdogan',
  'Jean-Yves Le Drian',
  'Ban Ki-moon',
  'Federica Mogherini',
  'John Kerry',
];
const COUNTRIES = ['Syrie', 'Russie', 'Turquie', 'Irak', 'Liban', 'Jordanie', 'France'];
const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const RUBRICS = ['International', 'Monde', 'Proche-Orient', 'Défense', 'Diplomatie'];
const HEADLINES = [
  '{person} annonce une nouvelle offensive autour de {place}',
  'À {place}, les forces gouvernementales progressent',
  '{country} : {number} civils évacués de {place}',
  'Les frappes aériennes reprennent près de {place}, selon {person}',
  'Cessez-le-feu en {country} : {person} appelle au respect de la trêve',
  'Une «victoire décisive» est attendue à {place}, affirme {person}',
];

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAME = new RegExp(
  [...PEOPLE, 'Poutine', 'Choïgou', 'Rudskoy']
    .map(escapeRegExp)
    .concat(PLACES.map(escapeRegExp))
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'gu',
);
const DATE = new RegExp(`\\b(\\d{1,2})(er)? (${MONTHS.join('|')})\\b`, 'gu');
const NUMBER = /\b\d{1,3}(?:[  ]\d{3})+\b|\b\d+\b/gu;

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

/** The paragraph pool: the seed article's body (after rubric and headline) and every multi-sentence segmentation case. */
async function sources() {
  const article = await readFile(join(ROOT, 'source/palmyre.fr.txt'), 'utf8');
  const blocks = article
    .split(/\r?\n\s*\r?\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const { cases } = JSON.parse(await readFile(join(ROOT, 'tests/fixtures/segmentation/cases.json'), 'utf8'));
  const paragraphs = [
    ...blocks.slice(2),
    ...cases.filter((c) => c.expected.length > 1 && !c.input.includes('\n')).map((c) => c.input.trim()),
  ];
  return paragraphs;
}

/** Varies names, dates and numbers in one paragraph. */
function vary(text, random) {
  const people = new Set(PEOPLE.concat(['Poutine', 'Choïgou', 'Rudskoy']));
  // Numbers first, then dates, so a date's day is always 1–28.
  return text
    .replace(NAME, (name) => (people.has(name) ? pick(random, PEOPLE) : pick(random, PLACES)))
    .replace(NUMBER, (number) => {
      if (/^\d{4}$/.test(number)) return String(1800 + Math.floor(random() * 225));
      const digits = number.replace(/\D/g, '').length;
      const value = Math.floor(10 ** (digits - 1) + random() * 9 * 10 ** (digits - 1));
      return digits > 4 ? value.toLocaleString('fr-FR').replace(/\u202f/g, ' ') : String(value);
    })
    .replace(DATE, () => `${1 + Math.floor(random() * 28)} ${pick(random, MONTHS)}`);
}

/** One article: rubric, headline, 8–12 paragraphs (each 1–3 pool paragraphs joined), blank lines between. */
export function makeArticle(pool, random) {
  const headline = pick(random, HEADLINES)
    .replace('{person}', pick(random, PEOPLE))
    .replace('{place}', pick(random, PLACES))
    .replace('{country}', pick(random, COUNTRIES))
    .replace('{number}', String(10 + Math.floor(random() * 990)));
  const paragraphs = [];
  const count = 8 + Math.floor(random() * 5);
  for (let i = 0; i < count; i++) {
    const parts = 1 + Math.floor(random() * 3);
    paragraphs.push(Array.from({ length: parts }, () => vary(pick(random, pool), random)).join(' '));
  }
  return `${pick(random, RUBRICS)}\n\n${headline}\n\n${paragraphs.join('\n\n')}\n`;
}

/**
 * Writes `count` articles (`article-0001.fr.txt`, …) into `dir` (default bench/out/corpus-<count>-<seed>);
 * reuses the directory when a complete corpus with the same count and seed is already there.
 */
export async function writeCorpus({ count = 1000, seed = 1, dir } = {}) {
  const target = dir ?? join(ROOT, 'bench/out', `corpus-${count}-${seed}`);
  const manifestPath = join(target, MANIFEST);
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    if (manifest.count === count && manifest.seed === seed && manifest.generator === GENERATOR)
      return { dir: target, ...manifest };
  }
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  const pool = await sources();
  const random = prng(seed);
  const files = [];
  let bytes = 0;
  for (let i = 1; i <= count; i++) {
    const text = makeArticle(pool, random);
    const file = join(target, `article-${String(i).padStart(4, '0')}.fr.txt`);
    await writeFile(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  const manifest = {
    generator: GENERATOR,
    count,
    seed,
    bytes,
    files: files.map((f) => f.slice(target.length + 1)),
  };
  await writeFile(manifestPath, `${JSON.stringify(manifest)}\n`);
  return { dir: target, ...manifest };
}

/** Absolute paths of a corpus's articles. */
export const corpusFiles = (corpus) => corpus.files.map((f) => join(corpus.dir, f));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [count = '1000', seed = '1', dir] = process.argv.slice(2);
  const corpus = await writeCorpus({ count: Number(count), seed: Number(seed), ...(dir ? { dir } : {}) });
  console.log(`${corpus.count} articles, ${(corpus.bytes / 1e6).toFixed(2)} MB in ${corpus.dir}`);
}
