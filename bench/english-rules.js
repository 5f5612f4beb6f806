// Each post-editing rule alone, on the tuning set and on the held-out set (chrF2 gain over
// Versio + glossary with no post-editing), to find the rule behind a family's loss:
//   node bench/english-rules.js           # translates both sets once into bench/out/english-rules/
//   node bench/english-rules.js --fresh   # translate again (after a change to the pipeline or a places rule)
// The rules are read from dist/ on every run, so a rule change needs only `npx tsc` and a rerun.
// `places` rules need the pipeline's context: their family is scored from a run of its own.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { allFamilies, postEditRules } from '../dist/postedit/index.js';
import { printTable, ROOT, round } from './lib/common.js';
import { articlesOf, score, versio, withFamilies } from './lib/english.js';

const dir = join(ROOT, 'bench/out/english-rules');
if (process.argv.includes('--fresh')) await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
const sets = { tuning: await articlesOf('tuning'), heldout: await articlesOf('heldout') };
const all = [...sets.tuning, ...sets.heldout];
/** The English of a run, read back from bench/out/ when an earlier run left it there. */
async function cached(label, options) {
  const file = (a) => join(dir, label, `${a.name}.en.txt`);
  if (!all.every((a) => existsSync(file(a)))) return (await versio(dir, label, all, options)).outputs;
  return Object.fromEntries(
    await Promise.all(all.map(async (a) => [a.name, await readFile(file(a), 'utf8')])),
  );
}
const bare = await cached('bare', { glossary: true, postedit: 'none' });
const places = await cached('places', { glossary: true, postedit: 'places' });

const base = Object.fromEntries(Object.entries(sets).map(([set, articles]) => [set, score(bare, articles)]));
const gains = (outputs) =>
  Object.entries(sets).map(([set, articles]) => round(score(outputs, articles) - base[set], 2));

/** One rule alone: its family is renamed for the call, so postEdit applies it and nothing else. */
function alone(rule) {
  const family = rule.family;
  rule.family = '(alone)';
  try {
    return withFamilies(bare, new Set(['(alone)']));
  } finally {
    rule.family = family;
  }
}

const rows = [];
for (const family of allFamilies) {
  const outputs = family === 'places' ? places : withFamilies(bare, new Set([family]));
  rows.push([`family ${family}`, ...gains(outputs)]);
  if (family === 'places') continue;
  for (const rule of postEditRules.filter((r) => r.family === family)) {
    const [tuning, heldout] = gains(alone(rule));
    if (tuning !== 0 || heldout !== 0) rows.push([`  ${rule.name}`, tuning, heldout]);
  }
}
printTable(
  `chrF2 gain over versio + glossary, no post-editing (tuning ${base.tuning}, held-out ${base.heldout}); rules at 0 on both left out`,
  ['family / rule', 'tuning', 'held-out'],
  rows,
);
