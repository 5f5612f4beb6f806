import { describe, expect, it } from 'vitest';
import { frenchConventions, uninvertSubjects } from '../../src/postedit/index.js';

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

describe('uninvertSubjects (inverted subjects in order before the engine)', () => {
  const cases: [rule: string, input: string, expected: string][] = [
    [
      'after a quotation, with -t-',
      '« La guerre est finie », a-t-il affirmé.',
      '« La guerre est finie », il a affirmé.',
    ],
    ['plural subject', '« Nous partons », ont-ils déclaré.', '« Nous partons », ils ont déclaré.'],
    ['present tense, feminine', '« Rien », estime-t-elle.', '« Rien », elle estime.'],
    ['a question’s capital moves to the pronoun', 'Peut-on le dire ?', 'On peut le dire ?'],
    ['« y a-t-il »', 'Y a-t-il des survivants ?', 'Il y a des survivants ?'],
    [
      'compounds stay',
      'Jean-Pierre a dit peut-être, vis-à-vis du maire.',
      'Jean-Pierre a dit peut-être, vis-à-vis du maire.',
    ],
    [
      'imperatives and nouns with nous / vous stay',
      'Donnez-nous un rendez-vous.',
      'Donnez-nous un rendez-vous.',
    ],
    ['place names stay', 'à Saint-Étienne-du-Rouvray', 'à Saint-Étienne-du-Rouvray'],
    ['placeholders are untouched', '__E1__ a-t-il dit', '__E1__ il a dit'],
  ];
  it.each(cases)('%s', (_rule, input, expected) => {
    expect(uninvertSubjects(input)).toBe(expected);
  });
});
