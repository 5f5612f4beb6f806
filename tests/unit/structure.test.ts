/**
 * Structure by position (README "Rubric, headline, body"): the same kinds in the model, the
 * XLIFF 1.2 restype, the XLIFF 2 unit type, the Markdown and the i18next bundle, whatever the
 * headline looks like.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BlockKind, segmentsOf } from '../../src/document.js';
import { parseArticle } from '../../src/read/article.js';
import { isRubricLine, RUBRIC_MAX_CHARS, RUBRIC_MAX_WORDS } from '../../src/read/structure.js';
import { renderArticle } from '../../src/render/article.js';
import { toResources } from '../../src/render/resources.js';
import { readXliff } from '../../src/xliff/read.js';
import { writeXliff2 } from '../../src/xliff/write2.js';
import { writeXliff12 } from '../../src/xliff/write12.js';

const BODY = 'Le FMI a relevé sa prévision à 3,2 %, selon Reuters.';
const kinds = (text: string): BlockKind[] => parseArticle(text, 'a.fr.txt').blocks.map((b) => b.kind);

describe('the headline is the block after the rubric, whatever its shape', () => {
  it.each([
    ['no final punctuation', 'La Russie retire ses troupes de Syrie'],
    ['ending in »', 'Macron : « Nous ne céderons pas »'],
    ['ending in !', 'Le PSG champion d’Europe !'],
    ['a question', 'La CGT a-t-elle raison ?'],
    ['two sentences', 'Le gouvernement recule. Les syndicats exultent.'],
    ['ending in a full stop', 'Le FMI relève sa prévision.'],
    ['ending in …', 'Quand la Bourse s’emballe…'],
    ['very short (one word) after a rubric', 'Démission'],
  ])('%s', (_name, headline) => {
    expect(kinds(`Economie\n\n${headline}\n\n${BODY}\n\n${BODY}\n`)).toEqual([
      'rubric',
      'headline',
      'paragraph',
      'paragraph',
    ]);
  });
});

describe('the rubric is a short first line, and only that', () => {
  it.each([
    ['one word', 'International', true],
    ['four words', 'Sciences et environnement aujourd’hui', true],
    ['a dash does not count as a word', 'Sport – Ligue des champions', true],
    ['five words', 'La Russie retire ses troupes', false],
    [
      `longer than ${RUBRIC_MAX_CHARS} characters`,
      'Anticonstitutionnellement-extraordinairement-long',
      false,
    ],
    ['ending like a sentence', 'Démission.', false],
    ['ending in !', 'Exclusif !', false],
    ['two lines', 'Monde\nEurope', false],
  ])('%s → rubric: %s', (_name, line, expected) => {
    expect(isRubricLine(line)).toBe(expected);
  });

  it('a short first line before more text is the rubric; a longer one is the headline', () => {
    expect(kinds(`Economie\n\n${BODY}\n`)).toEqual(['rubric', 'headline']);
    expect(kinds(`La Russie retire ses troupes de Syrie\n\n${BODY}\n\n${BODY}\n`)).toEqual([
      'headline',
      'paragraph',
      'paragraph',
    ]);
  });

  it('a one-block article of one line is a headline; of several lines, body text', () => {
    expect(kinds('Economie\n')).toEqual(['headline']);
    expect(kinds(`${BODY}\n`)).toEqual(['headline']);
    expect(kinds(`— Q : La CGT a-t-elle raison ?\n— R : Oui.\n`)).toEqual(['paragraph']);
  });

  it('a block of several lines is never the headline', () => {
    expect(kinds(`Direct\n\n10 h 05 : ouverture.\n10 h 30 : vote.\n\n${BODY}\n`)).toEqual([
      'rubric',
      'paragraph',
      'paragraph',
    ]);
  });

  it(`counts at most ${RUBRIC_MAX_WORDS} words`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Monde', 'Europe', 'Sport', 'Vie', 'Art'), { minLength: 1, maxLength: 8 }),
        (words) => {
          expect(isRubricLine(words.join(' '))).toBe(words.length <= RUBRIC_MAX_WORDS);
        },
      ),
    );
  });
});

describe('every output shows the same structure', () => {
  const headlines = [
    'Macron : « Nous ne céderons pas »',
    'Le PSG champion d’Europe !',
    'Le gouvernement recule. Les syndicats exultent.',
  ];
  it.each(headlines)('%s', (headline) => {
    const doc = parseArticle(`Politique\n\n${headline}\n\n${BODY}\n`, 'a.fr.txt');
    for (const s of segmentsOf(doc)) s.target = s.source;
    const expected = ['rubric', 'headline', 'paragraph'];
    expect(doc.blocks.map((b) => b.kind)).toEqual(expected);
    const xml12 = writeXliff12(doc);
    expect([...xml12.matchAll(/<group id="p\d+" restype="x-versio-(\w+)"/g)].map((m) => m[1])).toEqual(
      expected,
    );
    expect(readXliff(xml12, 'a.en.xlf').doc.blocks.map((b) => b.kind)).toEqual(expected);
    const xml2 = writeXliff2(doc);
    expect([...xml2.matchAll(/<unit id="p\d+" type="versio:(\w+)"/g)].map((m) => m[1])).toEqual(expected);
    expect(readXliff(xml2, 'a.en.xlf').doc.blocks.map((b) => b.kind)).toEqual(expected);
    const md = renderArticle(doc, toResources(doc)).md.split('\n\n');
    expect(md[0]).toBe('*Politique*');
    expect(md[1]).toMatch(/^# /);
    // i18next keys are segment ids by position: p1 = rubric, p2 = headline.
    expect(Object.keys(toResources(doc)).slice(0, 2)).toEqual(['p1.s1', 'p2.s1']);
  });
});
