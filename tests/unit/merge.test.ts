import { describe, expect, it } from 'vitest';
import { type Document, segmentsOf } from '../../src/document.js';
import { isReviewed, mergeReviewed } from '../../src/pipeline/merge.js';
import { parseArticle } from '../../src/read/article.js';
import { defined } from '../support/defined.js';

const article =
  'Titre du jour\n\nMoscou a annoncé le retrait. La décision a été prise.\n\nLe retrait a commencé.';
const current = { engine: 'apertium', glossaryHash: 'g1' };

/** A previous run's document: machine targets, then the given reviewer edits. */
function previousRun(
  text: string,
  edits: Record<string, Partial<ReturnType<typeof segmentsOf>[number]>> = {},
): Document {
  const doc = parseArticle(text, 'a.fr.txt');
  for (const s of segmentsOf(doc)) {
    s.target = `MT ${s.source}`;
    s.state = 'translated';
    s.provenance = { engine: 'apertium', glossaryHash: 'g1' };
    Object.assign(s, edits[s.id] ?? {});
  }
  return doc;
}

const byId = (doc: Document) => new Map(segmentsOf(doc).map((s) => [s.id, s]));

describe('isReviewed', () => {
  it.each([
    ['a final target', { state: 'final' as const }, true],
    ['a reviewed target', { state: 'reviewed' as const }, true],
    [
      'a target differing from the engine output',
      { provenance: { engine: 'apertium', machineTarget: 'MT' } },
      true,
    ],
    ['a target a person wrote', { provenance: { engine: 'human' } }, true],
    ['a target with no provenance (another tool dropped it)', { provenance: undefined }, true],
    ['an untouched machine target', {}, false],
    [
      'an edited target a tool marked not translated (pomerge: needs-translation)',
      { state: 'initial' as const, provenance: { engine: 'apertium', machineTarget: 'MT' } },
      true,
    ],
    ['an untouched machine target marked not translated', { state: 'initial' as const }, false],
    ['an empty target with no provenance', { target: '', provenance: undefined }, false],
    [
      'a copy of the source a CAT tool pre-filled, marked not translated',
      { target: 'Moscou a annoncé le retrait.', state: 'initial' as const, provenance: undefined },
      false,
    ],
    [
      'a copy of the source marked translated (a name needs no translation)',
      { target: 'Moscou a annoncé le retrait.', provenance: undefined },
      true,
    ],
    ['an approved copy of the engine output', { state: 'reviewed' as const }, true],
  ])('%s → %s', (_name, edit, expected) => {
    const segment = defined(segmentsOf(previousRun(article, { 'p2.s1': edit }))[1], 'segment p2.s1');
    expect(isReviewed(segment)).toBe(expected);
  });
});

describe('mergeReviewed', () => {
  it('keeps every reviewed target and its state', () => {
    const previous = previousRun(article, { 'p2.s2': { target: 'The decision was taken.', state: 'final' } });
    const doc = parseArticle(article, 'a.fr.txt');
    const result = mergeReviewed(doc, previous, current);
    expect(byId(doc).get('p2.s2')).toMatchObject({ target: 'The decision was taken.', state: 'final' });
    expect(result.keptFromReview).toBe(1);
  });
  it('reuses untouched machine targets from the same engine and glossary', () => {
    const doc = parseArticle(article, 'a.fr.txt');
    expect(mergeReviewed(doc, previousRun(article), current).reused).toBe(4);
    expect(segmentsOf(doc).every((s) => s.state === 'translated')).toBe(true);
  });
  it('leaves untouched targets of another engine or glossary to be re-translated', () => {
    const doc = parseArticle(article, 'a.fr.txt');
    expect(mergeReviewed(doc, previousRun(article), { engine: 'deepl', glossaryHash: 'g1' }).reused).toBe(0);
    expect(mergeReviewed(doc, previousRun(article), { engine: 'apertium', glossaryHash: 'g2' }).reused).toBe(
      0,
    );
    expect(segmentsOf(doc).every((s) => s.state === 'initial')).toBe(true);
  });
  it('flags a reviewed segment whose source changed, keeping the old target in a note', () => {
    const previous = previousRun(article, {
      'p2.s2': { target: 'The decision was taken.', state: 'reviewed' },
    });
    const edited = article.replace('La décision a été prise.', 'La décision a été annoncée.');
    const doc = parseArticle(edited, 'a.fr.txt');
    const result = mergeReviewed(doc, previous, current);
    const segment = byId(doc).get('p2.s2');
    expect(result.flagged).toBe(1);
    expect(segment?.state).toBe('initial');
    expect(segment?.target).toBeUndefined();
    expect(segment?.reviewedBeforeSourceChange).toBe('The decision was taken.');
    expect(segment?.notes).toEqual([]);
  });
  it('keeps human work a tool marked not translated, asking for review instead', () => {
    const previous = previousRun(article, {
      'p2.s2': {
        target: 'The decision was taken.',
        state: 'initial',
        provenance: { engine: 'apertium', machineTarget: 'MT La décision a été prise.' },
      },
    });
    const doc = parseArticle(article, 'a.fr.txt');
    const result = mergeReviewed(doc, previous, current);
    expect(byId(doc).get('p2.s2')).toMatchObject({
      target: 'The decision was taken.',
      state: 'needs-review',
    });
    expect(result.keptFromReview).toBe(1);
  });
  it('follows a reviewed sentence that moved to another id', () => {
    const previous = previousRun(article, {
      'p3.s1': { target: 'The withdrawal has begun.', state: 'final' },
    });
    const moved =
      'Titre du jour\n\nLe retrait a commencé.\n\nMoscou a annoncé le retrait. La décision a été prise.';
    const doc = parseArticle(moved, 'a.fr.txt');
    mergeReviewed(doc, previous, current);
    expect(byId(doc).get('p2.s1')).toMatchObject({ target: 'The withdrawal has begun.', state: 'final' });
  });
});
