/**
 * Numbers written in words, French and English: cardinals (vingt-cinq, quatre-vingt-dix, two hundred
 * and five, deux millions), ordinals (troisième, twenty-first) and approximate nouns (une dizaine,
 * a dozen, des centaines, hundreds). Each language has its own table because the same spelling means
 * different things: French "billion" is 10¹², English "billion" 10⁹; French "cent" is 100, English
 * "cent" a coin.
 *
 * Words that are often not numbers are optional (they may pair with a number on the other side, but
 * are never reported alone): French un/une (articles), neuf (new), premier/second (Premier ministre),
 * English one (pronoun), first, second, both, once, twice.
 */
import type { Language } from './types.js';

interface WordTable {
  /** Units and tens, added: vingt + cinq. */
  small: Record<string, number>;
  /** Multipliers of what precedes: cent(s) / hundred. */
  hundred: readonly string[];
  /** Scales that close a group: mille, million, milliard / thousand, million, billion. */
  scales: Record<string, number>;
  /** Ordinal words and their value (troisième → 3). */
  ordinals: Record<string, number>;
  /** Approximate nouns: une dizaine ≈ 10 (singular) and des dizaines (plural, "many"). */
  approx: Record<string, number>;
  /** Words worth a number that are often something else. */
  optional: Record<string, number>;
  /** Joins tens and units or hundreds and the rest ("et" in vingt et un, "and" in a hundred and five). */
  and: string;
  /** Words that stand for 1 before a scale or an approximate noun (un million, a dozen). */
  one: readonly string[];
}

const FR_SMALL: Record<string, number> = {
  zéro: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  septante: 70,
  huitante: 80,
  octante: 80,
  nonante: 90,
};

const EN_SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const FR_ORDINALS: Record<string, number> = {
  deuxième: 2,
  troisième: 3,
  quatrième: 4,
  cinquième: 5,
  sixième: 6,
  septième: 7,
  huitième: 8,
  neuvième: 9,
  dixième: 10,
  onzième: 11,
  douzième: 12,
  treizième: 13,
  quatorzième: 14,
  quinzième: 15,
  seizième: 16,
  vingtième: 20,
  trentième: 30,
  quarantième: 40,
  cinquantième: 50,
  soixantième: 60,
  centième: 100,
  millième: 1000,
  millionième: 1e6,
  unième: 1,
};

const EN_ORDINALS: Record<string, number> = {
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
  thousandth: 1000,
  millionth: 1e6,
};

export const TABLES: Record<Language, WordTable> = {
  fr: {
    small: FR_SMALL,
    hundred: ['cent', 'cents'],
    scales: {
      mille: 1e3,
      million: 1e6,
      millions: 1e6,
      milliard: 1e9,
      milliards: 1e9,
      billion: 1e12,
      billions: 1e12,
    },
    ordinals: FR_ORDINALS,
    approx: {
      dizaine: 10,
      douzaine: 12,
      quinzaine: 15,
      vingtaine: 20,
      trentaine: 30,
      quarantaine: 40,
      cinquantaine: 50,
      soixantaine: 60,
      centaine: 100,
      millier: 1000,
    },
    optional: {
      premier: 1,
      première: 1,
      premiers: 1,
      premières: 1,
      second: 2,
      seconde: 2,
      tiers: 3,
      quart: 4,
    },
    and: 'et',
    one: ['un', 'une'],
  },
  en: {
    small: EN_SMALL,
    hundred: ['hundred'],
    scales: { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 },
    ordinals: EN_ORDINALS,
    approx: { dozen: 12, score: 20, hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, ten: 10 },
    optional: { first: 1, second: 2, both: 2, once: 1, twice: 2 },
    and: 'and',
    one: ['a', 'an', 'one'],
  },
};

/** Words that are numbers but so often something else that they are optional even in a number. */
export const WEAK: Record<Language, ReadonlySet<string>> = {
  fr: new Set(['un', 'une', 'neuf']),
  en: new Set(['one']),
};
