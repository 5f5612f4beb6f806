/**
 * Capitalisation of a restored glossary form (issue 12 point 6): a form that starts a sentence
 * takes a capital, and so does the article it brings; anywhere else it stays as the glossary
 * writes it. Table-driven through restoreTerms, the function that inserts the forms.
 */
import { describe, expect, it } from 'vitest';
import type { TermSpan } from '../../src/document.js';
import { protectTerms, restoreTerms } from '../../src/glossary/protect.js';
import { atSentenceStart } from '../../src/glossary/sentence-start.js';

/** "la CGT" (article: the) in `french`, protected, then `engine` as what the engine wrote. */
function restored(french: string, engine: string): string {
  const start = french.search(/[lL]a CGT/);
  const span: TermSpan = { start, end: start + 6, entryId: 'cgt', target: 'the CGT', policy: 'protect' };
  const shielded = protectTerms(french, [span], 'token');
  return restoreTerms(engine, shielded.placeholders, 'token').text;
}

describe('a glossary form at a sentence start takes a capital, with its article', () => {
  it.each([
    ['at the start of the segment', 'La CGT a raison.', '__E1__ is right.', 'The CGT is right.'],
    [
      'after an interview marker',
      '— Q : La CGT a-t-elle raison ?',
      '— Q : __E1__ is right ?',
      '— Q : The CGT is right ?',
    ],
    [
      'after an answer marker, English spacing',
      '— R : La CGT a raison.',
      '— A: __E1__ is right.',
      '— A: The CGT is right.',
    ],
    [
      'after an opening guillemet',
      '« La CGT a raison », dit-il.',
      '« __E1__ is right », he said.',
      '« The CGT is right », he said.',
    ],
    ['after an opening curly quote', '“La CGT a raison”', '“__E1__ is right”', '“The CGT is right”'],
    ['after a full stop', 'Non. La CGT a raison.', 'No. __E1__ is right.', 'No. The CGT is right.'],
    ['after a question mark', 'Pourquoi ? La CGT le dit.', 'Why? __E1__ says so.', 'Why? The CGT says so.'],
    [
      'after a closed quotation ending a sentence',
      '« Non. » La CGT le dit.',
      '“No.” __E1__ says so.',
      '“No.” The CGT says so.',
    ],
    ['after a dash at a line start', '— La CGT a raison.', '— __E1__ is right.', '— The CGT is right.'],
    [
      'after a colon when a sentence follows in the French',
      'Il a prévenu : La CGT ne cédera pas.',
      'He warned: __E1__ will not give in.',
      'He warned: The CGT will not give in.',
    ],
  ])('%s', (_rule, french, engine, expected) => {
    expect(restored(french, engine)).toBe(expected);
  });
});

describe('a glossary form inside a sentence keeps its case', () => {
  it.each([
    ['mid-sentence', 'Il soutient la CGT.', 'He supports __E1__.', 'He supports the CGT.'],
    [
      'after a colon introducing a list',
      'Trois syndicats : la CGT, FO et la CFDT.',
      'Three unions: __E1__, FO and CFDT.',
      'Three unions: the CGT, FO and CFDT.',
    ],
    ['after a title', 'M. la CGT', 'Mr. __E1__', 'Mr. the CGT'],
    ['after an initial', 'J. la CGT', 'J. __E1__', 'J. the CGT'],
    [
      'after a comma',
      'Selon lui, la CGT a raison.',
      'According to him, __E1__ is right.',
      'According to him, the CGT is right.',
    ],
    [
      'after a mid-sentence dash',
      'Le syndicat — la CGT — a dit.',
      'The union — __E1__ — said.',
      'The union — the CGT — said.',
    ],
    [
      'at the sentence start in French but moved inside the sentence in English',
      'La CGT a appelé hier.',
      'Yesterday __E1__ called.',
      'Yesterday the CGT called.',
    ],
  ])('%s', (_rule, french, engine, expected) => {
    expect(restored(french, engine)).toBe(expected);
  });
});

describe('atSentenceStart', () => {
  it.each([
    ['', false, true],
    ['\n', false, true],
    ['The list:\n— ', false, true],
    ['The list:\n', false, true],
    ['The list: ', false, false],
    ['« ', false, true],
    ['Q :', false, true],
    ['— R\u00a0: ', false, true],
    ['He said: ', false, false],
    ['He said: ', true, true],
    ['the end! ', false, true],
    ['Mrs. ', false, false],
    ['3.2%, says ', false, false],
  ])('before %j (sentence after colon in French: %s) → %s', (before, afterColon, expected) => {
    expect(atSentenceStart(before, afterColon)).toBe(expected);
  });
});
