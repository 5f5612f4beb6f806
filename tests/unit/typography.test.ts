import { describe, expect, it } from 'vitest';
import { englishTypographySpanned } from '../../src/render/typography.js';

const cases: [rule: string, input: string, expected: string][] = [
  ['guillemets become curly double quotes', '«défaite définitive»', '“défaite définitive”'],
  ['inner no-break spaces of guillemets go', '«\u00a0Pourquoi\u00a0?\u00a0»', '“Pourquoi?”'],
  ['inner narrow no-break spaces go', '«\u202fVictoire\u202f»', '“Victoire”'],
  [
    'thousands with a no-break space',
    'more than 10\u00a0000 square kilometres',
    'more than 10,000 square kilometres',
  ],
  ['thousands with a narrow no-break space', '1\u202f500\u202f000 people', '1,500,000 people'],
  ['thousands with a plain space', '10 000 soldiers', '10,000 soldiers'],
  ['decimal comma between digits', '3,5 % growth', '3.5% growth'],
  ['a comma followed by a space is not a decimal', '1, 2 and 3', '1, 2 and 3'],
  ['an English thousands comma is kept', '10,000 soldiers', '10,000 soldiers'],
  ['no space before high punctuation', 'Why ? Because : this ; that !', 'Why? Because: this; that!'],
  ['no space before percent', '40\u00a0% of', '40% of'],
  [
    'no space an engine left before a comma or a full stop',
    'They abstained , judging it weak . Then “no” , he said .',
    'They abstained, judging it weak. Then “no”, he said.',
  ],
  [
    'a decimal and an ellipsis after a space are kept',
    'rose by .5 point, and then ...',
    'rose by .5 point, and then ...',
  ],
  ['a year followed by a count is not merged', 'in 2016, 400 towns', 'in 2016, 400 towns'],
  ['plain English is untouched', 'The Islamic State in Palmyra.', 'The Islamic State in Palmyra.'],
];

describe('englishTypographySpanned on a target without term spans', () => {
  it.each(cases)('%s', (_rule, input, expected) => {
    expect(englishTypographySpanned(input, []).text).toBe(expected);
  });
});

describe('englishTypographySpanned for British English (en-GB)', () => {
  const british: [rule: string, input: string, expected: string][] = [
    ['guillemets become single quotes', '«défaite définitive»', '‘défaite définitive’'],
    ['a quotation inside guillemets keeps double quotes', '« il a dit “non” »', '‘il a dit “non”’'],
    ['an engine’s own double quotes become single', 'He said “no”.', 'He said ‘no’.'],
    ['apostrophes are untouched', 'Britain’s army', 'Britain’s army'],
  ];
  it.each(british)('%s', (_rule, input, expected) => {
    expect(englishTypographySpanned(input, [], 'en-GB').text).toBe(expected);
  });

  it('American English (the default) keeps double quotes', () => {
    expect(englishTypographySpanned('«défaite»', [], 'en-US').text).toBe('“défaite”');
  });
});
