import { describe, expect, it } from 'vitest';
import { frenchConventions } from '../../src/postedit/index.js';

describe('frenchConventions (centuries written in figures before the engine)', () => {
  const cases: [rule: string, input: string, expected: string][] = [
    ['XIXe siècle', 'Au XIXe siècle, la ville grandit.', 'Au 19e siècle, la ville grandit.'],
    ['Ier siècle', 'dès le Ier siècle', 'dès le 1er siècle'],
    ['XXIe siècle', 'au XXIe siècle', 'au 21e siècle'],
    ['plural', 'du XVIIe et XVIIIe siècles', 'du XVIIe et 18e siècles'],
    ['a king’s numeral is not a century', 'Louis XIV régnait', 'Louis XIV régnait'],
    ['placeholders are untouched', '__E1__ au XIXe siècle', '__E1__ au 19e siècle'],
  ];
  it.each(cases)('%s', (_rule, input, expected) => {
    expect(frenchConventions(input)).toBe(expected);
  });
});
