import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/document.js';
import { segmentsOf } from '../../src/document.js';
import { parseArticle } from '../../src/read/article.js';
import { diffDocuments, diffWords } from '../../src/review/diff.js';
import { DIFF_FORMAT, diffReport, formatDiffText, markWords } from '../../src/review/diff-report.js';
import { defined } from '../support/defined.js';

const ARTICLE = 'Titre\n\nUne phrase. Deux phrases. Trois phrases.\n\nFin.\n';

function translated(): Document {
  const doc = parseArticle(ARTICLE, 'a.fr.txt');
  for (const s of segmentsOf(doc)) {
    s.target = `EN ${s.source}`;
    s.state = 'translated';
  }
  return doc;
}

function seg(doc: Document, id: string) {
  const s = segmentsOf(doc).find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
}

describe('diffDocuments', () => {
  it('reports nothing for two identical documents', () => {
    expect(diffDocuments(translated(), translated())).toEqual([]);
  });

  it('reports a reviewed target with its state before and after', () => {
    const after = translated();
    seg(after, 'p2.s2').target = 'Two sentences.';
    seg(after, 'p2.s2').state = 'reviewed';
    expect(diffDocuments(translated(), after)).toEqual([
      {
        id: 'p2.s2',
        kind: 'changed',
        fields: ['target', 'state'],
        before: { source: 'Deux phrases.', target: 'EN Deux phrases.', state: 'translated' },
        after: { source: 'Deux phrases.', target: 'Two sentences.', state: 'reviewed' },
      },
    ]);
  });

  it('reports a state change alone (a reviewer approved the target as it was)', () => {
    const after = translated();
    seg(after, 'p1.s1').state = 'final';
    const [change] = diffDocuments(translated(), after);
    expect(change?.fields).toEqual(['state']);
  });

  it('reports source changes', () => {
    const after = translated();
    seg(after, 'p3.s1').source = 'La fin.';
    expect(diffDocuments(translated(), after).map((c) => [c.id, c.fields])).toEqual([['p3.s1', ['source']]]);
  });

  it('treats an empty target as no target', () => {
    const before = translated();
    const after = translated();
    delete seg(before, 'p1.s1').target;
    seg(after, 'p1.s1').target = '';
    expect(diffDocuments(before, after)).toEqual([]);
  });

  it('reports added and removed segments where they stand', () => {
    const before = translated();
    const after = translated();
    defined(after.blocks[1], 'block 2').segments.splice(0, 1);
    defined(after.blocks[2], 'block 3').segments.push({
      ...seg(after, 'p3.s1'),
      id: 'p3.s2',
      source: 'Encore.',
      target: 'Again.',
    });
    const changes = diffDocuments(before, after);
    expect(changes.map((c) => [c.id, c.kind])).toEqual([
      ['p2.s1', 'removed'],
      ['p3.s2', 'added'],
    ]);
    expect(changes[0]?.before?.target).toBe('EN Une phrase.');
    expect(changes[1]?.after?.target).toBe('Again.');
  });
});

describe('diffWords', () => {
  it('marks the words a reviewer changed', () => {
    expect(markWords(diffWords('The Russia strikes', 'Russia strikes again'), { color: false })).toBe(
      '[-The -]Russia strikes{+ again+}',
    );
  });
  it('keeps every character: equal+delete spell before, equal+insert spell after', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const parts = diffWords(a, b);
        expect(
          parts
            .filter((p) => p.op !== 'insert')
            .map((p) => p.text)
            .join(''),
        ).toBe(a);
        expect(
          parts
            .filter((p) => p.op !== 'delete')
            .map((p) => p.text)
            .join(''),
        ).toBe(b);
      }),
    );
  });
});

describe('diff reports', () => {
  const before = translated();
  const after = translated();
  seg(after, 'p2.s2').target = 'Two sentences.';
  seg(after, 'p2.s2').state = 'reviewed';
  const report = diffReport(diffDocuments(before, after), { before: 'a.xlf', after: 'b.xlf' }, 5);

  it('JSON carries the format, counts and word runs of a changed target', () => {
    expect(report.format).toBe(DIFF_FORMAT);
    expect(report.summary).toEqual({ segments: 5, changed: 1, added: 0, removed: 0 });
    expect(report.changes[0]?.targetWords).toEqual(diffWords('EN Deux phrases.', 'Two sentences.'));
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('text shows id, state before → after, target before and after, and the words', () => {
    expect(formatDiffText(report, { color: false })).toBe(
      [
        'p2.s2  translated → reviewed  (target, state changed)',
        '  source: Deux phrases.',
        '  before: EN Deux phrases.',
        '  after:  Two sentences.',
        `  words:  ${markWords(diffWords('EN Deux phrases.', 'Two sentences.'), { color: false })}`,
        '',
        '1 changed, 0 added, 0 removed (5 segments in b.xlf)',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed', () => {
    expect(formatDiffText(diffReport([], { before: 'a', after: 'b' }, 5), { color: false })).toBe(
      'no changes (5 segments)\n',
    );
  });

  it('colours inserts and deletes only when asked', () => {
    const coloured = markWords(diffWords('a b', 'a c'), { color: true });
    expect(coloured).toContain('\u001b[32;4mc\u001b[0m');
    expect(coloured).toContain('\u001b[31;9mb\u001b[0m');
  });
});
