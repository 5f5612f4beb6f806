import { describe, expect, it } from 'vitest';
import { readings } from '../../src/check/numbers.js';

describe('readings: the values of a digit token whatever the convention', () => {
  it.each([
    ['space-grouped thousands', '10 000', ['10000']],
    ['no-break-space thousands', '10\u00A0000', ['10000']],
    ['narrow no-break-space thousands', '10\u202F000', ['10000']],
    ['comma thousands (English), ambiguous', '10,000', ['10000', '10']],
    ['French decimal comma', '3,5', ['3.5']],
    ['English decimal point', '3.5', ['3.5']],
    ['French dot thousands, ambiguous', '1.500', ['1500', '1.5']],
    ['repeated dots group thousands', '1.500.000', ['1500000']],
    ['repeated commas group thousands', '1,500,000', ['1500000']],
    ['both marks: the last is decimal (French)', '1.500,25', ['1500.25']],
    ['both marks: the last is decimal (English)', '1,500.25', ['1500.25']],
    ['leading zeros and trailing fraction zeros go', '007,50', ['7.5']],
  ])('%s', (_rule, token, expected) => {
    expect(readings(token)).toEqual(expected);
  });
});
