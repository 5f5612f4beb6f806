import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { postEditRules } from '../../src/postedit/index.js';
import { requiredLiteral } from '../../src/postedit/literal.js';

/**
 * postEdit skips a rule whose literal (literal.ts) is not in the segment. The literal must be in
 * every text the pattern matches, or a rule would silently stop applying: checked on patterns
 * generated with texts they match, and on every rule's own cases.
 */

/** A pattern as a tree, so each generated pattern comes with texts it matches. */
type Node =
  | { kind: 'char'; char: string }
  | { kind: 'class'; members: string[] }
  | { kind: 'digit' }
  | { kind: 'space' }
  | { kind: 'group'; capture: boolean; alternatives: Node[][] }
  | { kind: 'repeat'; node: Node; min: number; max: number | undefined; lazy: boolean; form: string };

/** Characters escaped outside a class, and inside one (the `u` flag allows no other escapes). */
const SPECIAL = new Set([...'.*+?()[]{}|^$\\/']);
const CLASS_SPECIAL = new Set([...'\\]^-']);

function render(node: Node): string {
  switch (node.kind) {
    case 'char':
      return SPECIAL.has(node.char) ? `\\${node.char}` : node.char;
    case 'class':
      return `[${node.members.map((c) => (CLASS_SPECIAL.has(c) ? `\\${c}` : c)).join('')}]`;
    case 'digit':
      return '\\d';
    case 'space':
      return '\\s';
    case 'group':
      return `(${node.capture ? '' : '?:'}${node.alternatives.map((a) => a.map(render).join('')).join('|')})`;
    case 'repeat':
      return `${render(node.node)}${node.form}${node.lazy ? '?' : ''}`;
  }
}

/** A text the node matches, chosen by `pick` (an index in [0, n)). */
function sample(node: Node, pick: (n: number) => number): string {
  switch (node.kind) {
    case 'char':
      return node.char;
    case 'class':
      return node.members[pick(node.members.length)] ?? '';
    case 'digit':
      return String(pick(10));
    case 'space':
      return ' ';
    case 'group': {
      const alternative = node.alternatives[pick(node.alternatives.length)] ?? [];
      return alternative.map((n) => sample(n, pick)).join('');
    }
    case 'repeat': {
      const count = node.min + pick((node.max ?? node.min + 3) - node.min + 1);
      return Array.from({ length: count }, () => sample(node.node, pick)).join('');
    }
  }
}

const character = fc.constantFrom(...'abcdeéà ,.-()?+’'.split(''));
const quantifier = fc.constantFrom(
  { min: 0, max: 1, form: '?' },
  { min: 0, max: undefined, form: '*' },
  { min: 1, max: undefined, form: '+' },
  { min: 2, max: 2, form: '{2}' },
  { min: 0, max: 2, form: '{0,2}' },
  { min: 1, max: 3, form: '{1,3}' },
  { min: 2, max: undefined, form: '{2,}' },
);

const { node: nodeArbitrary } = fc.letrec<{ node: Node; sequence: Node[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: character.map((char) => ({ kind: 'char' as const, char })), weight: 6 },
    fc
      .uniqueArray(character, { minLength: 1, maxLength: 3 })
      .map((members) => ({ kind: 'class' as const, members })),
    fc.constant({ kind: 'digit' as const }),
    fc.constant({ kind: 'space' as const }),
    fc
      .record({
        capture: fc.boolean(),
        alternatives: fc.array(tie('sequence'), { minLength: 1, maxLength: 3 }),
      })
      .map((g) => ({ kind: 'group' as const, ...g })),
    fc
      .record({ node: tie('node'), q: quantifier, lazy: fc.boolean() })
      .filter(({ node }) => node.kind !== 'repeat')
      .map(({ node, q, lazy }) => ({ kind: 'repeat' as const, node, lazy, ...q })),
  ),
  sequence: fc.array(tie('node'), { maxLength: 6 }),
}));

/** A whole pattern: a sequence, or alternatives at the top level. */
const patternArbitrary = fc.array(fc.array(nodeArbitrary, { minLength: 1, maxLength: 8 }), {
  minLength: 1,
  maxLength: 2,
});

describe('requiredLiteral', () => {
  test('takes the longest run of literal text outside groups and classes', () => {
    expect(requiredLiteral('\\bthe week last\\b')).toBe('the week last');
    expect(requiredLiteral('\\b(?:has|have) (?:declared|stated) to the journalists')).toBe(
      ' to the journalists',
    );
    expect(requiredLiteral('\\bof here when finali[sz]ing\\b')).toBe('of here when finali');
    expect(requiredLiteral('U\\.S\\. (?=\\d)')).toBe('U.S. ');
  });

  test('a character a quantifier may drop ends the run before it', () => {
    expect(requiredLiteral('colou?r scheme')).toBe('r scheme');
    expect(requiredLiteral('abcd*efg')).toBe('abc');
    expect(requiredLiteral('ab{0,2}cdef')).toBe('cdef');
    // Repeated: there, but what follows is not next to the run.
    expect(requiredLiteral('abcd+xy')).toBe('abcd');
  });

  test('escapes of letters are classes or assertions, not text', () => {
    expect(requiredLiteral('\\d\\d? percent')).toBe(' percent');
    expect(requiredLiteral('\\p{Lu}\\p{Ll}+ said')).toBe(' said');
    expect(requiredLiteral('\\u00a0km\\b')).toBe('km');
    expect(requiredLiteral('(in|of)\\s+\\1\\b')).toBeUndefined();
  });

  test('no literal for a top-level alternative, or for runs under two characters', () => {
    expect(requiredLiteral('last week|next week')).toBeUndefined();
    expect(requiredLiteral('\\b(?:a|b)c\\b')).toBeUndefined();
  });

  test('every text a generated pattern matches contains its literal', () => {
    fc.assert(
      fc.property(
        patternArbitrary,
        fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
        (alternatives, picks) => {
          const pattern = alternatives.map((sequence) => sequence.map(render).join('')).join('|');
          let at = 0;
          const pick = (n: number) => (picks[at++ % picks.length] ?? 0) % n;
          const chosen = alternatives[pick(alternatives.length)] ?? [];
          const text = `«${chosen.map((node) => sample(node, pick)).join('')}»`;
          // The generator's own check: the text is one the pattern matches.
          expect(new RegExp(pattern, 'u').test(text)).toBe(true);
          const literal = requiredLiteral(pattern);
          if (literal !== undefined) expect(text).toContain(literal);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

interface PostEditCase {
  rule: string;
  input: string;
  expected: string;
}

const { cases }: { cases: PostEditCase[] } = JSON.parse(
  readFileSync(new URL('../fixtures/postedit/cases.json', import.meta.url), 'utf8'),
);

describe("the rules' literals", () => {
  test('every text a rule matches in the cases contains its literal', () => {
    const checked = new Set<string>();
    for (const rule of postEditRules) {
      const literal = requiredLiteral(rule.pattern);
      if (literal === undefined) continue;
      const regex = new RegExp(rule.pattern, 'u');
      for (const c of cases) {
        if (!regex.test(c.input)) continue;
        expect(c.input, `${rule.name}: /${rule.pattern}/`).toContain(literal);
        checked.add(rule.name);
      }
    }
    // Each rule with a literal met at least one case it matches (its "changes" case).
    const withLiteral = postEditRules.filter((rule) => requiredLiteral(rule.pattern) !== undefined);
    expect([...checked].sort()).toEqual(withLiteral.map((rule) => rule.name).sort());
  });
});
