import { describe, expect, it } from 'vitest';
import { accentCapitalA, frenchConventions, uninvertSubjects } from '../../src/postedit/index.js';

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

describe('accentCapitalA (the preposition « À » written without its accent)', () => {
  const cases: [rule: string, input: string, expected: string][] = [
    [
      'a sentence start, before a place',
      'A Marseille, la police a arrêté trois hommes.',
      'À Marseille, la police a arrêté trois hommes.',
    ],
    ['before a number', 'A 20 ans, il a quitté Lyon.', 'À 20 ans, il a quitté Lyon.'],
    [
      'a quotation’s start',
      'Il a dit : « A Paris, rien ne change. »',
      'Il a dit : « À Paris, rien ne change. »',
    ],
    [
      'a sentence start inside a quotation',
      '« On n’a rien lâché. A la pause, il a parlé. »',
      '« On n’a rien lâché. À la pause, il a parlé. »',
    ],
    ['an inversion is the verb', 'A-t-il vraiment dit cela ?', 'A-t-il vraiment dit cela ?'],
    [
      'a letter inside a sentence stays',
      'Le plan A a échoué, selon la note A 12.',
      'Le plan A a échoué, selon la note A 12.',
    ],
    ['the accented form stays', 'À Lyon, il pleut.', 'À Lyon, il pleut.'],
    ['a word starting with A stays', 'Alors le maire a parlé.', 'Alors le maire a parlé.'],
    ['placeholders are untouched', 'A __E1__, les élus ont voté.', 'À __E1__, les élus ont voté.'],
  ];
  it.each(cases)('%s', (_rule, input, expected) => {
    expect(accentCapitalA(input)).toBe(expected);
  });
});
