import { describe, expect, it } from 'vitest';
import { restoreCaseAfterPlaceholders } from '../../src/providers/apertium/placeholder-case.js';

describe('restoreCaseAfterPlaceholders', () => {
  it.each([
    [
      'a verb after a leading placeholder',
      '__E1__ conservera les bases.',
      '__E1__ Will conserve the bases.',
      '__E1__ will conserve the bases.',
    ],
    [
      'after an opening quote',
      '« __E2__ est partout »',
      '« __E2__ Is everywhere »',
      '« __E2__ is everywhere »',
    ],
    ['a capital that was a capital in the input', '__E1__ Paris', '__E1__ Paris', '__E1__ Paris'],
    ['the pronoun I', '__E1__ je pense', '__E1__ I think', '__E1__ I think'],
    ['a word that only starts with I', '__E1__ ira', '__E1__ Ignores', '__E1__ ignores'],
    ['no placeholder', 'Il pleut.', 'It Rains.', 'It Rains.'],
    [
      'mid-sentence placeholders are left as they are',
      'que __E1__ avait',
      'that __E1__ had',
      'that __E1__ had',
    ],
  ])('%s', (_rule, input, output, expected) => {
    expect(restoreCaseAfterPlaceholders(output, input)).toBe(expected);
  });
});
