import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  allFamilies,
  defaultFamilies,
  type PostEditFamily,
  postEdit,
  postEditFamilies,
  postEditRules,
} from '../../src/postedit/index.js';

interface PostEditCase {
  rule: string;
  family: PostEditFamily;
  input: string;
  expected: string;
  places?: string[];
  variant?: 'en-US' | 'en-GB';
  /** The French, for rules that apply only when it says so (`whenSource`). */
  source?: string;
}

const { cases }: { cases: PostEditCase[] } = JSON.parse(
  readFileSync(new URL('../fixtures/postedit/cases.json', import.meta.url), 'utf8'),
);

describe('post-editing cases (tests/fixtures/postedit/cases.json)', () => {
  test.each(cases.map((c) => [`${c.rule}: ${c.input}`, c] as const))('%s', (_name, c) => {
    const context = {
      places: new Set(c.places ?? []),
      ...(c.variant ? { variant: c.variant } : {}),
      ...(c.source === undefined ? {} : { source: c.source }),
    };
    expect(postEdit(c.input, new Set([c.family]), context)).toBe(c.expected);
  });

  test.each(postEditRules.map((rule) => [rule.name, rule] as const))(
    'rule %s has a case it changes and a case it leaves alone',
    (name, rule) => {
      const own = cases.filter((c) => c.rule === name);
      expect(own.some((c) => c.input !== c.expected)).toBe(true);
      expect(own.some((c) => c.input === c.expected) || rule.family === 'reporting-verbs').toBe(true);
      for (const c of own) expect(c.family).toBe(rule.family);
    },
  );
});

describe('the rules’ patterns', () => {
  // JavaScript's \b is ASCII-only, even with the u flag: beside « à » or « é » it never matches as
  // meant (« condamné à\b » found nothing). Such a boundary is written with a look-around instead.
  // \b next to a non-ASCII letter: directly, after an optional letter or a quantifier
  // (`perturbée?s?\b`), or closing a group whose alternative ends in one (`(?:à|au)\b`).
  const asciiBoundaryBesideNonAscii =
    /\\b(?=\P{ASCII})|\P{ASCII}\\b|(?=\P{ASCII})\p{L}(?:\p{L}\?|[?*+])*\\b|(?=\P{ASCII})\p{L}(?:\|[^()\\|]*)*\)[?*+]?\\b|\\b\(\?:(?:[^()|]*\|)*\P{ASCII}/u;
  test.each(postEditRules.map((rule) => [rule.name, rule] as const))(
    '%s: no \\b beside a non-ASCII letter',
    (_name, rule) => {
      expect(rule.pattern).not.toMatch(asciiBoundaryBesideNonAscii);
      if (rule.whenSource) expect(rule.whenSource).not.toMatch(asciiBoundaryBesideNonAscii);
    },
  );

  test('every rule has a name of its own (its cases are found by it)', () => {
    const names = postEditRules.map((rule) => rule.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  // Patterns compile on first need (apply.ts): a bad one would throw mid-run, not at load.
  test.each(postEditRules.map((rule) => [rule.name, rule] as const))(
    '%s: compiles as apply.ts compiles it',
    (_name, rule) => {
      expect(() => new RegExp(rule.pattern, 'gu')).not.toThrow();
      if (rule.whenSource !== undefined)
        expect(() => new RegExp(rule.whenSource as string, 'u')).not.toThrow();
    },
  );

  test('the check catches what it is for', () => {
    for (const bad of [
      '\\bcondamnée?s? à\\b',
      '\\bà la',
      '\\b(?:à|dès) la',
      'x\\b(?:un|été)',
      'perturbée?s?\\b',
      'rendu (?:à|au|en)\\b',
    ])
      expect(bad).toMatch(asciiBoundaryBesideNonAscii);
    expect('(?:^|\\s)(?:à|dès) la \\d+e minute\\b').not.toMatch(asciiBoundaryBesideNonAscii);
  });
});

describe('postEdit', () => {
  test('no family, no change', () => {
    expect(postEdit('The council has adopted the text the week last.', new Set())).toBe(
      'The council has adopted the text the week last.',
    );
  });

  test('placeholders are never removed, added or reordered by any family', () => {
    const words = fc.constantFrom(
      'has',
      'have',
      'been',
      'declared',
      'taken',
      'Sra',
      'Mr.',
      'the',
      'week',
      'last',
      '(',
      ')',
      '“',
      '”',
      ',',
      'Has',
      '7',
      'October',
      'to',
      'would',
      '__E1__',
      '__E2__',
      'killed',
      'said',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 25 }), (parts) => {
        const text = parts.join(' ');
        const out = postEdit(text, new Set(allFamilies));
        expect(out.match(/__E\d+__/gu) ?? []).toEqual(text.match(/__E\d+__/gu) ?? []);
      }),
      { numRuns: 500 },
    );
  });
});

describe('postEditFamilies (VERSIO_POSTEDIT)', () => {
  test('unset gives the default families; none, all and a list are understood', () => {
    expect([...postEditFamilies(undefined)]).toEqual([...defaultFamilies]);
    expect(postEditFamilies('none').size).toBe(0);
    expect([...postEditFamilies('all')]).toEqual([...allFamilies]);
    expect([...postEditFamilies('word-order, capitals')]).toEqual(['word-order', 'capitals']);
  });

  test('an unknown family is an input error naming it', () => {
    expect(() => postEditFamilies('word-order,poetry')).toThrow(InputError);
    expect(() => postEditFamilies('poetry')).toThrow('unknown post-editing family poetry');
  });
});
