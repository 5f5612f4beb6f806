import { describe, expect, test } from 'vitest';
import { postEditFingerprint, postEditRules } from '../../src/postedit/index.js';
import type { PostEditRule } from '../../src/postedit/types.js';

/** The memory key changes with any rule that changes the English, and only with those. */
describe('postEditFingerprint', () => {
  const names = new Set(['Jean', 'Marie']);
  const base = () => postEditFingerprint(postEditRules, names, '1.0.0');
  const withFirstRule = (change: Partial<PostEditRule>) => {
    const [first, ...rest] = postEditRules;
    return postEditFingerprint([{ ...(first as PostEditRule), ...change }, ...rest], names, '1.0.0');
  };

  test('is stable for the same rules, names and version', () => {
    expect(base()).toBe(base());
    expect(base()).toMatch(/^[0-9a-f]{12}$/);
  });

  test.each([
    ['pattern', { pattern: 'changed' }],
    ['replacement', { replacement: 'changed' }],
    [
      'transform',
      {
        transform: postEditRules[0]?.transform === 'century' ? ('lowercase' as const) : ('century' as const),
      },
    ],
    ['outsideQuotes', { outsideQuotes: !postEditRules[0]?.outsideQuotes }],
    ['whenSource', { whenSource: 'changé' }],
    ['family', { family: 'calques' as const, name: 'renamed' }],
  ])('changes with a rule’s %s', (_field, change) => {
    expect(withFirstRule(change)).not.toBe(base());
  });

  test('changes with a rule added or removed, the given names and the version', () => {
    expect(postEditFingerprint(postEditRules.slice(1), names, '1.0.0')).not.toBe(base());
    expect(postEditFingerprint(postEditRules, new Set(['Jean']), '1.0.0')).not.toBe(base());
    expect(postEditFingerprint(postEditRules, names, '1.0.1')).not.toBe(base());
  });

  test('not with what reaches no output: the explanation, the order of the names', () => {
    expect(withFirstRule({ why: 'another explanation' })).toBe(base());
    expect(postEditFingerprint(postEditRules, new Set(['Marie', 'Jean']), '1.0.0')).toBe(base());
  });
});
