// Figure 7: what the glossary changes in Apertium's English, per segment of the seed article:
// translate with `--no-glossary` and with the project glossary, diff the two targets word by word,
// and classify each changed segment. "Only entity spans changed": every word removed or added
// belongs to a glossary entry matched in that segment (its English form, French forms, forbidden
// variants) or is an article the term absorbed (the, le, la, les, l'). Anything else is "other
// words changed": the placeholder changed how the engine read the rest of the sentence.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diffWords } from 'diff';
import { loadGlossary } from '../../dist/glossary/load.js';
import { buildMatcher } from '../../dist/glossary/match.js';
import { parseArticle } from '../../dist/read/article.js';
import { BIN, ROOT, run, withTempDir } from '../lib/common.js';

const ARTICLE = 'source/palmyre.fr.txt';
const ARTICLES = ['the', 'le', 'la', 'les', 'l', 'of', 'de', 'du', 'des'];

const words = (text) =>
  text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

async function translate(dir, glossary) {
  const out = join(dir, glossary ? 'with' : 'without');
  const args = [BIN, 'translate', ARTICLE, '--out', out, '--memory', join(out, 'm.jsonl'), '--quiet'];
  if (!glossary) args.push('--no-glossary');
  await run('node', args);
  return JSON.parse(await readFile(join(out, 'en', 'palmyre.json'), 'utf8'));
}

export async function glossaryQuality() {
  const { without, withGlossary } = await withTempDir('glossary', async (dir) => ({
    without: await translate(dir, false),
    withGlossary: await translate(dir, true),
  }));
  const glossary = await loadGlossary(join(ROOT, 'glossary/versio.glossary.yaml'));
  const byId = new Map(glossary.entries.map((e) => [e.id, e]));
  const matcher = buildMatcher(glossary);
  const doc = parseArticle(await readFile(join(ROOT, ARTICLE), 'utf8'), ARTICLE);
  const segments = doc.blocks.flatMap((b) => b.segments);
  const rows = [];
  for (const segment of segments) {
    const before = without[segment.id] ?? '';
    const after = withGlossary[segment.id] ?? '';
    const entries = matcher.find(segment.source).map((span) => byId.get(span.entryId));
    const allowed = new Set([
      ...ARTICLES,
      ...entries.flatMap((e) => [e.english, ...e.french, ...(e.forbidden ?? [])].flatMap(words)),
    ]);
    const changes = diffWords(before, after).filter((part) => part.added || part.removed);
    const changed = changes.flatMap((part) => words(part.value).map((w) => `${part.added ? '+' : '-'}${w}`));
    const outside = changed.filter((w) => !allowed.has(w.slice(1)));
    const kind =
      changes.length === 0
        ? 'unchanged'
        : outside.length === 0
          ? 'only entity spans changed'
          : 'other words changed';
    rows.push({
      id: segment.id,
      entities: entries.map((e) => e.id),
      kind,
      diff: changes.map((part) => `${part.added ? '+' : '-'}[${part.value.trim()}]`).join(' '),
      outside,
      without: before,
      with: after,
    });
  }
  const count = (kind) => rows.filter((r) => r.kind === kind).length;
  const changedTotal = rows.length - count('unchanged');
  const result = {
    article: ARTICLE,
    segments: rows.length,
    unchanged: count('unchanged'),
    onlyEntitySpans: count('only entity spans changed'),
    otherWords: count('other words changed'),
    rows,
  };
  return {
    key: 'glossaryQuality',
    result,
    table: {
      title: `Figure 7 — glossary on vs off with Apertium, ${ARTICLE}: ${result.onlyEntitySpans} of ${changedTotal} changed segments differ only in entity spans`,
      header: ['segment', 'class', 'word diff (−without / +with)', 'words outside entity spans'],
      rows: rows.map((r) => [
        r.id,
        r.kind,
        r.diff.length > 110 ? `${r.diff.slice(0, 107)}…` : r.diff,
        r.outside.join(' '),
      ]),
    },
    summary: [
      {
        figure: '7 glossary: segments changed only in entity spans',
        measured: `${result.onlyEntitySpans} of ${changedTotal}`,
        target: '(report)',
        met: '',
      },
    ],
  };
}
