import { describe, expect, it } from 'vitest';
import {
  highestPlaceholder,
  PLACEHOLDER_PREFIX,
  PLACEHOLDER_SOURCE,
  placeholderPattern,
  placeholdersIn,
  tokenPlaceholder,
} from '../../src/glossary/placeholder.js';

describe('the token placeholder __E<n>__', () => {
  it.each([
    [1, '__E1__'],
    [12, '__E12__'],
  ])('placeholder %i is written %s', (n, marker) => {
    expect(tokenPlaceholder(n)).toBe(marker);
    expect(marker.startsWith(PLACEHOLDER_PREFIX)).toBe(true);
    expect(new RegExp(`^${PLACEHOLDER_SOURCE}$`).test(marker)).toBe(true);
  });

  it.each<[string, string, string[], number]>([
    ['none in plain text', 'la Russie', [], 0],
    ['one', 'de __E1__ à Alep', ['__E1__'], 1],
    ['in order, repeats kept', '__E2__ et __E1__ puis __E2__', ['__E2__', '__E1__', '__E2__'], 2],
    ['glued to punctuation', '(__E3__).', ['__E3__'], 3],
    ['not without its number', '__E__ __Ex__', [], 0],
    ['not with one underscore', '_E1_', [], 0],
  ])('reads %s', (_rule, text, markers, highest) => {
    expect(placeholdersIn(text)).toEqual(markers);
    expect(highestPlaceholder(text)).toBe(highest);
  });

  it('gives each placeholder’s number in group 1, with a fresh pattern each time', () => {
    const pattern = placeholderPattern();
    expect(Array.from('__E4__ __E10__'.matchAll(pattern), (m) => m[1])).toEqual(['4', '10']);
    expect(placeholderPattern()).not.toBe(pattern);
  });
});
