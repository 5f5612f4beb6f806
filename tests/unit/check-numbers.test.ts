import { describe, expect, it } from 'vitest';
import { compareNumbers, numbersIn } from '../../src/check/numbers.js';

const values = (text: string) => numbersIn(text).map((n) => n.values);

describe('numbersIn: values whatever the convention', () => {
  it.each([
    ['space-grouped thousands', '10 000 km', [['10000']]],
    ['no-break-space thousands', '10\u00A0000 km', [['10000']]],
    ['narrow no-break-space thousands', '10\u202F000 km', [['10000']]],
    ['comma thousands (English)', '10,000 km', [['10000', '10']]],
    ['French decimal comma', '3,5 %', [['3.5']]],
    ['English decimal point', '3.5%', [['3.5']]],
    ['French dot thousands, ambiguous', '1.500 soldats', [['1500', '1.5']]],
    ['repeated separators group thousands', '1.500.000 and 1,500,000', [['1500000'], ['1500000']]],
    ['both marks: the last is decimal', '1.500,25 and 1,500.25', [['1500.25'], ['1500.25']]],
    ['a year then a count are two numbers', 'en 2016 400 localités', [['2016'], ['400']]],
    ['a full stop after a number is not a decimal mark', 'in 2016.', [['2016']]],
    ['numbers in words are ignored', 'vingt-cinq sorties', []],
  ])('%s', (_rule, text, expected) => {
    expect(values(text)).toEqual(expected);
  });
});

describe('compareNumbers', () => {
  const diff = (source: string, target: string) => {
    const d = compareNumbers(numbersIn(source), numbersIn(target));
    return { missing: d.missing.map((n) => n.raw), extra: d.extra.map((n) => n.raw) };
  };

  it.each([
    ['10 000 = 10,000', 'plus de 10 000 kilomètres', 'more than 10,000 kilometres'],
    ['10 000 = 10000', 'plus de 10 000 kilomètres', 'more than 10000 kilometres'],
    ['3,5 = 3.5', '3,5 millions', '3.5 million'],
    ['1.500 (French thousands) = 1,500', '1.500 soldats', '1,500 soldiers'],
    ['order does not matter', 'le 17 mars 2016', 'on March 17, 2016'],
  ])('equal: %s', (_rule, source, target) => {
    expect(diff(source, target)).toEqual({ missing: [], extra: [] });
  });

  it('reports a changed number both ways', () => {
    expect(diff('400 localités le 14 mars', '40 localities on 14 March')).toEqual({
      missing: ['400'],
      extra: ['40'],
    });
  });

  it('pairs an unambiguous number first, so an ambiguous one cannot take its match', () => {
    // "1,500" could be 1.5 or 1500; "1500" must pair with it, leaving "1.5" for "1,5".
    expect(diff('1,5 et 1500', '1,500 and 1.5')).toEqual({ missing: [], extra: [] });
  });
});
