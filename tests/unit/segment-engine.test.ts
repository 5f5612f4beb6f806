import { describe, expect, test } from 'vitest';
import { compileRules, decidingRule } from '../../src/segment/engine.js';
import { frenchRules, type SegmentationRules, segmentText } from '../../src/segment/index.js';

function sentences(text: string, rules?: SegmentationRules): string[] {
  return segmentText(text, rules).map((span) => text.slice(span.start, span.end));
}

/** Name of the rule deciding the first gap after `marker` in `text`. */
function ruleAfter(text: string, marker: string): string | undefined {
  const gapStart = text.indexOf(marker) + marker.length;
  const gapEnd = gapStart + (/^\s+/u.exec(text.slice(gapStart))?.[0].length ?? 0);
  return decidingRule(compileRules(frenchRules), text, gapStart, gapEnd)?.name;
}

describe('rules are data', () => {
  test('a rule set of one break rule splits after every period', () => {
    const rules: SegmentationRules = {
      wordLists: {},
      rules: [{ name: 'period', break: true, before: '\\.' }],
    };
    expect(sentences('M. Dupont. etc. fin', rules)).toEqual(['M.', 'Dupont.', 'etc.', 'fin']);
  });

  test('the first rule that holds wins', () => {
    const rules: SegmentationRules = {
      wordLists: { titles: ['Dr'] },
      rules: [
        { name: 'title', break: false, wordBeforeDotIn: 'titles' },
        { name: 'period', break: true, before: '\\.' },
      ],
    };
    expect(sentences('Le Dr. Martin arrive. Il opère.', rules)).toEqual([
      'Le Dr. Martin arrive.',
      'Il opère.',
    ]);
  });

  test('no rule holding means no break', () => {
    expect(sentences('Un. Deux. Trois.', { wordLists: {}, rules: [] })).toEqual(['Un. Deux. Trois.']);
  });

  test.each([
    ['(Dr. Martin)', ['(Dr. Martin)']],
    ['«Dr.» Martin', ['«Dr.» Martin']],
    ['l’Dr. Martin', ['l’Dr. Martin']],
    ['XDr. Martin', ['XDr.', 'Martin']],
  ])('the word list lookup strips openers, closers and elision: %s', (text, expected) => {
    const rules: SegmentationRules = {
      wordLists: { titles: ['Dr'] },
      rules: [
        { name: 'title', break: false, wordBeforeDotIn: 'titles' },
        { name: 'end', break: true, before: '[.»)]' },
      ],
    };
    expect(sentences(text, rules)).toEqual(expected);
  });

  test('a gap condition sees the whitespace itself', () => {
    const rules: SegmentationRules = { wordLists: {}, rules: [{ name: 'tab', break: true, gap: '\\t' }] };
    expect(sentences('a b\tc', rules)).toEqual(['a b', 'c']);
  });

  test('a glued gap is a zero-width candidate the ordered rules decide like any gap', () => {
    const rules: SegmentationRules = {
      wordLists: {},
      gluedGap: '(?<=\\.)(?=[A-Z])',
      rules: [
        { name: 'keep-x', break: false, before: 'x\\.' },
        { name: 'period', break: true, before: '\\.' },
      ],
    };
    expect(sentences('a.B x.C d. E.', rules)).toEqual(['a.', 'B x.C d.', 'E.']);
    // Without gluedGap, only whitespace is a candidate.
    expect(sentences('a.B d. E', { ...rules, gluedGap: undefined })).toEqual(['a.B d.', 'E']);
  });

  test('an invalid glued-gap pattern is named', () => {
    const rules: SegmentationRules = { wordLists: {}, gluedGap: '(', rules: [] };
    expect(() => segmentText('a', rules)).toThrow('segmentation rules: invalid gluedGap pattern /(/');
  });

  test('a rule set is compiled once', () => {
    expect(compileRules(frenchRules)).toBe(compileRules(frenchRules));
  });

  test('an invalid pattern names the rule and the field', () => {
    const rules: SegmentationRules = { wordLists: {}, rules: [{ name: 'broken', break: true, after: '(' }] };
    expect(() => segmentText('a. B', rules)).toThrow('segmentation rule "broken": invalid after pattern /(/');
  });

  test('an unknown word list names the rule and the list', () => {
    const rules: SegmentationRules = {
      wordLists: {},
      rules: [{ name: 'r', break: false, wordBeforeDotIn: 'nope' }],
    };
    expect(() => segmentText('a. B', rules)).toThrow('segmentation rule "r": unknown word list "nope"');
  });

  test('French rule names are unique', () => {
    const names = frenchRules.rules.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('documented decisions in the French rules', () => {
  test.each([
    [
      'etc. before a capital ends the sentence',
      'le logement, etc. Le débat',
      'etc.',
      'abbreviation-before-capital',
    ],
    [
      'a dotted acronym before a capital ends the sentence',
      'à l’O.N.U. Le texte',
      'O.N.U.',
      'dotted-acronym-end',
    ],
    [
      'a dotted acronym before its expansion does not',
      'l’O.C.D.E. (Organisation)',
      'O.C.D.E.',
      'dotted-acronym-expansion',
    ],
    ['av. J.-C. before a capital ends the sentence', 'en 300 av. J.-C. Elle', 'J.-C.', 'era-end'],
    ['J.-C. as initials does not', 'J.-C. Decaux', 'J.-C.', 'hyphenated-initials'],
    ['a single initial does not', 'Sergueï K. Choïgou', 'K.', 'single-initial'],
    [
      'a first name’s initials in the abbreviation list do not',
      'remplacé par M. Ph. Delorme',
      'Ph.',
      'prefix-abbreviation',
    ],
    ['nor do unlisted initials without a vowel', 'Cl. Dupont', 'Cl.', 'single-initial'],
    ['nor do three of them', 'Gwl. Dupont', 'Gwl.', 'single-initial'],
    ['a title does not', 'M. Poutine', 'M.', 'prefix-abbreviation'],
    [
      'a closing quote after a period belongs to the sentence',
      '« Non. » Le',
      'Non.',
      'closing-punctuation-follows',
    ],
    ['an elided passage is not an end', 'résisté (...) Nous', '(...)', 'elided-passage'],
    ['a line break is a hard boundary', 'Une lettre signée M.\nDupont', 'M.', 'line-break'],
    ['a period before a capital ends the sentence', 'Il pleut. Le match', 'pleut.', 'sentence-end'],
  ])('%s', (_why, text, marker, rule) => {
    expect(ruleAfter(text, marker)).toBe(rule);
  });

  test('a lowercase incise after « … ? » continues the sentence: no rule breaks there', () => {
    expect(ruleAfter('« Pourquoi\u00a0? » a-t-il demandé', '»')).toBeUndefined();
  });
});
