// chrF against the values sacreBLEU publishes in its own test suite
// (mjpost/sacrebleu, test/test_chrf.py, Apache-2.0): same inputs, same options, same
// tolerance (EPSILON = 1e-4). A match here means our bench figures compare with sacreBLEU's.
import { describe, expect, test } from 'vitest';
import { corpusChrf, sentenceChrf } from '../../src/score/chrf.js';

const EPSILON = 1e-4;

// test_cases: corpus_chrf(..., char_order=6, word_order=0, beta=3, eps_smoothing=True)
const epsCases: [string[], string[], number][] = [
  [['abcdefg'], ['hijklmnop'], 0.0],
  [['a'], ['b'], 0.0],
  [[''], ['b'], 0.0],
  [[''], ['ref'], 0.0],
  [[''], ['reference'], 0.0],
  [['aa'], ['ab'], 8.3333],
  [['a', 'b'], ['a', 'c'], 8.3333],
  [['a'], ['a'], 16.6667],
  [['a b c'], ['a b c'], 50.0],
  [['a b c'], ['abc'], 50.0],
  [
    [
      ' risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .',
    ],
    [
      'risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .',
    ],
    63.36173,
  ],
  [
    [' Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. '],
    ['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.'],
    64.1302698,
  ],
  [
    ['Niemand hat die Absicht, eine Mauer zu errichten'],
    ['Niemand hat die Absicht, eine Mauer zu errichten'],
    100.0,
  ],
];

// test_cases_effective_order: beta=3, eps_smoothing=False (sacreBLEU's default averaging)
const effectiveOrderCases: [string[], string[], number][] = [
  [['a'], ['a'], 100.0],
  [[''], ['reference'], 0.0],
  [['a b c'], ['a b c'], 100.0],
  [['a b c'], ['abc'], 100.0],
  [[''], ['c'], 0.0],
  [['a', 'b'], ['a', 'c'], 50.0],
  [['aa'], ['ab'], 25.0],
];

// test_cases_keep_whitespace: beta=3, remove_whitespace=False
const keepWhitespaceCases: [string[], string[], number][] = [
  [
    ['Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.'],
    ['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.'],
    67.3481606,
  ],
  [
    [
      'risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .',
    ],
    [
      'risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .',
    ],
    65.2414427,
  ],
];

// test_sentence_level_chrf: sentence_chrf(hyp, refs, eps_smoothing=True), default beta 2
const sentenceCases: [string, string, number][] = [
  [
    'Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.',
    'Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.',
    39.14078509,
  ],
  [
    'Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.',
    'A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.',
    31.22557079,
  ],
  [
    'Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.',
    'Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.',
    57.15704367,
  ],
];

describe('chrF matches sacreBLEU test/test_chrf.py', () => {
  test.each(epsCases)('eps smoothing, beta 3: %j vs %j = %d', (hyps, refs, expected) => {
    expect(Math.abs(corpusChrf(hyps, refs, { beta: 3, epsSmoothing: true }) - expected)).toBeLessThan(
      EPSILON,
    );
  });

  test.each(effectiveOrderCases)('effective order, beta 3: %j vs %j = %d', (hyps, refs, expected) => {
    expect(Math.abs(corpusChrf(hyps, refs, { beta: 3 }) - expected)).toBeLessThan(EPSILON);
  });

  test.each(keepWhitespaceCases)('whitespace kept, beta 3: %j vs %j = %d', (hyps, refs, expected) => {
    expect(Math.abs(corpusChrf(hyps, refs, { beta: 3, whitespace: true }) - expected)).toBeLessThan(EPSILON);
  });

  test.each(sentenceCases)('sentence level, eps smoothing: %s', (hyp, ref, expected) => {
    expect(Math.abs(sentenceChrf(hyp, ref, { epsSmoothing: true }) - expected)).toBeLessThan(EPSILON);
  });
});

describe('corpusChrf', () => {
  test('a hypothesis equal to its reference scores 100 with chrF2 and chrF++', () => {
    const text = 'Russian forces said they had retaken Palmyra.';
    expect(corpusChrf([text], [text])).toBe(100);
    expect(corpusChrf([text], [text], { wordOrder: 2 })).toBe(100);
  });

  test('statistics are summed over the corpus, not averaged per sentence', () => {
    const pooled = corpusChrf(['a long shared sentence here', 'x'], ['a long shared sentence here', 'y']);
    const mean = (100 + 0) / 2;
    expect(pooled).toBeGreaterThan(mean);
  });

  test('case counts unless lowercase is asked for', () => {
    expect(corpusChrf(['PARIS'], ['Paris'])).toBeLessThan(50);
    expect(corpusChrf(['PARIS'], ['Paris'], { lowercase: true })).toBe(100);
  });

  test('unaligned inputs are refused', () => {
    expect(() => corpusChrf(['a'], [])).toThrow('chrF: 1 hypotheses for 0 references');
  });
});
