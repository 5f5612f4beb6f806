/**
 * The named transforms of post-editing rules (PostEditRule.transform): functions of one match
 * that return its replacement, or the match itself when the rule does not hold after all.
 */
import { TABLES } from '../check/quantities/words.js';
import { irregularPast } from './irregular-verbs.js';
import type { PostEditContext, TransformName } from './types.js';

export type Groups = Readonly<Record<string, string | undefined>>;

export interface Match {
  readonly text: string;
  /** Numbered groups, from $1. */
  readonly numbered: readonly (string | undefined)[];
  readonly groups: Groups;
  readonly context: PostEditContext;
}

/** AP Stylebook: months of more than five letters are abbreviated before a day. */
const AP_MONTHS: Readonly<Record<string, string>> = {
  January: 'Jan.',
  February: 'Feb.',
  August: 'Aug.',
  September: 'Sept.',
  October: 'Oct.',
  November: 'Nov.',
  December: 'Dec.',
};

/** English number words (one … ninety), shared with the quantity checks. */
const SMALL = TABLES.en.small;
const ORDINAL_WORDS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
];

/** `twenty-five` → 25; undefined for a word that is not a number from ten to ninety-nine. */
export function numberFromWords(words: string): number | undefined {
  const [head = '', unit, ...rest] = words.toLowerCase().split('-');
  const tens = SMALL[head];
  if (tens === undefined || tens < 10 || rest.length > 0) return undefined;
  if (unit === undefined) return tens;
  const units = SMALL[unit];
  return tens % 10 === 0 && tens >= 20 && units !== undefined && units >= 1 && units <= 9
    ? tens + units
    : undefined;
}

/** 1 → `1st`, 22 → `22nd`; AP spells out first to ninth. */
export function ordinal(n: number): string {
  if (n >= 1 && n <= 9) return ORDINAL_WORDS[n] ?? String(n);
  const last = n % 10;
  const suffix = Math.floor(n / 10) % 10 === 1 ? 'th' : (['th', 'st', 'nd', 'rd'][last] ?? 'th');
  return `${n}${last > 3 ? 'th' : suffix}`;
}

/** Approximate quantities French writes as nouns (une dizaine, une cinquantaine, un millier). */
const APPROXIMATE: Readonly<Record<string, string>> = {
  ten: '10',
  twentieth: '20',
  thirtieth: '30',
  fortieth: '40',
  fiftieth: '50',
  sixtieth: '60',
  hundred: '100',
  thousand: '1,000',
};

function apDate({ numbered, context }: Match): string {
  const [day, month = '', year] = numbered;
  if (context.variant === 'en-GB') return year ? `${day} ${month} ${year}` : `${day} ${month}`;
  const name = AP_MONTHS[month] ?? month;
  return year ? `${name} ${day}, ${year}` : `${name} ${day}`;
}

/** 21 h 00 → 9 p.m., 2 h 40 → 2:40 a.m. (AP); `to` before a time is `at`, unless a time precedes it (from 8 a.m. to 6 p.m.). */
function clockTime({ text, groups }: Match): string {
  const hour = Number(groups.hour);
  const minutes = groups.minutes && groups.minutes !== '00' ? `:${groups.minutes}` : '';
  if (hour > 23 || Number(groups.minutes ?? 0) > 59) return text;
  let time: string;
  if (hour === 0 && !minutes) time = 'midnight';
  else if (hour === 12 && !minutes) time = 'noon';
  else time = `${hour % 12 === 0 ? 12 : hour % 12}${minutes} ${hour < 12 ? 'a.m.' : 'p.m.'}`;
  const prep = groups.prep;
  const day = groups.day ? ` ${groups.day}` : '';
  const dot = groups.dot && !(day === '' && time.endsWith('.')) ? '.' : '';
  if (prep === undefined) return `${time}${day}${dot}`;
  const word = prep.toLowerCase() === 'to' && groups.lead === undefined ? 'at' : prep.toLowerCase();
  const cased = prep[0] === prep[0]?.toUpperCase() ? word[0]?.toUpperCase() + word.slice(1) : word;
  return `${cased} ${time}${day}${dot}`;
}

/** XIX → 19 (Roman numerals of centuries, I to XXI). */
export function fromRoman(roman: string): number | undefined {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = values[roman[i] ?? ''];
    const next = values[roman[i + 1] ?? ''] ?? 0;
    if (value === undefined) return undefined;
    total += value < next ? -value : value;
  }
  return total > 0 && total <= 30 ? total : undefined;
}

/** Titles before a name, as AP abbreviates them (Professor is never abbreviated). */
const AP_TITLES: Readonly<Record<string, string>> = {
  dr: 'Dr.',
  pr: 'Professor',
  professor: 'Professor',
  general: 'Gen.',
  colonel: 'Col.',
  captain: 'Capt.',
  commander: 'Cmdr.',
  lieutenant: 'Lt.',
  sergeant: 'Sgt.',
  admiral: 'Adm.',
};

/** 1,400 billion → 1.4 trillion. */
function trillion({ text, numbered }: Match): string {
  const [thousands, rest = ''] = numbered;
  const decimals = rest.replace(/0+$/u, '');
  return thousands ? `${thousands}${decimals ? `.${decimals}` : ''} trillion` : text;
}

const transforms: Readonly<Record<TransformName, (match: Match) => string>> = {
  'simple-past': ({ text, groups }) => {
    const aux = groups.aux ?? '';
    const verb = groups.verb ?? '';
    if (aux === 'has been' || aux === 'have been') return `${aux === 'has been' ? 'was' : 'were'} ${verb}`;
    return irregularPast[verb] ?? (/^\p{Ll}{2,}ed$/u.test(verb) ? verb : text);
  },
  lowercase: ({ text, groups }) => (groups.word ?? text).toLowerCase(),
  'ap-date': apDate,
  'place-in': ({ text, groups, context }) =>
    groups.place !== undefined && context.places?.has(groups.place)
      ? `${groups.to === 'To' ? 'In' : 'in'} ${groups.place}`
      : text,
  'clock-time': clockTime,
  'number-digits': ({ text, groups }) => String(numberFromWords(groups.number ?? '') ?? text),
  'approximate-number': ({ text, groups }) => {
    const n = APPROXIMATE[groups.noun?.toLowerCase() ?? ''];
    const about = groups.article?.[0] === 'A' ? 'About' : 'about';
    return n ? `${about} ${n}` : text;
  },
  'ordinal-word': ({ text, groups }) => {
    const word = ORDINAL_WORDS[Number(groups.n)];
    return word ? word : text;
  },
  century: ({ text, groups }) => {
    const n = fromRoman(groups.roman ?? '');
    return n === undefined ? text : `${ordinal(n)} century`;
  },
  money: ({ text, groups }) => {
    const scale = groups.scale ? ` ${groups.scale}` : '';
    return groups.amount ? `$${groups.amount}${scale}` : text;
  },
  trillion,
  title: ({ text, groups }) => {
    const title = AP_TITLES[groups.title?.toLowerCase() ?? ''];
    return title ? `${title} ` : text;
  },
  'down-up': ({ text, groups }) => (groups.down ? 'down ' : groups.up ? 'up ' : text),
  ministry: ({ text, groups, context }) => {
    const key = (groups.portfolio ?? '').toLowerCase().replace(/^national /, '');
    const american = PORTFOLIOS[key];
    if (american === undefined) return text;
    const portfolio = context.variant === 'en-GB' ? (BRITISH[american] ?? american) : american;
    return `${groups.det ?? ''}${portfolio} ${(groups.office ?? '').toLowerCase()}`;
  },
  'year-old': ({ text, groups }) => {
    const age = groups.age ?? '';
    if (age === '') return text;
    // "an 18-year-old", "an 8-year-old", "an 80-year-old": the article follows the sound of the number.
    const an = /^(?:8|11|18|8\d)$/.test(age);
    const article = groups.article?.[0] === 'A' ? (an ? 'An' : 'A') : an ? 'an' : 'a';
    return `${article} ${age}-year-old ${groups.noun ?? ''}`;
  },
  killed: ({ text, groups }) => {
    const verb = KILLING[(groups.verb ?? '').toLowerCase()];
    if (verb === undefined) return text;
    const count = groups.count ?? '';
    const people = /^(?:dozens|hundreds|thousands|tens)$/i.test(count)
      ? `${count} of people`
      : `${count} people`;
    return `${verb} ${groups.about ?? ''}${people}`;
  },
  'capitalise-count': ({ text, groups }) => {
    const count = groups.count ?? '';
    return count ? `${count.charAt(0).toUpperCase()}${count.slice(1)} of` : text;
  },
};

/**
 * French ministries as English news names the office (« le ministre de l’Intérieur » → the interior
 * minister; AP lower-cases a title that is not directly before a name), in American spelling;
 * BRITISH has the portfolios en-GB spells otherwise.
 */
const PORTFOLIOS: Record<string, string> = {
  interior: 'interior',
  health: 'health',
  armies: 'armed forces',
  'armed forces': 'armed forces',
  defence: 'defense',
  defense: 'defense',
  economy: 'economy',
  'economy and of the finances': 'economy and finance',
  'economy and finances': 'economy and finance',
  finances: 'finance',
  finance: 'finance',
  work: 'labor',
  labour: 'labor',
  labor: 'labor',
  transports: 'transport',
  transport: 'transport',
  education: 'education',
  justice: 'justice',
  culture: 'culture',
  agriculture: 'agriculture',
  environment: 'environment',
  'ecological transition': 'ecological transition',
  ecology: 'ecology',
  housing: 'housing',
  sports: 'sports',
  sport: 'sports',
  budget: 'budget',
  industry: 'industry',
  energy: 'energy',
};

const BRITISH: Record<string, string> = { labor: 'labour', defense: 'defence', sports: 'sport' };

/** « le séisme a fait 300 morts »: the pivot's "did/done/made" with deaths is a verb of killing. */
const KILLING: Record<string, string> = {
  did: 'killed',
  done: 'killed',
  made: 'killed',
  doing: 'killing',
  making: 'killing',
  does: 'kills',
  makes: 'kills',
  do: 'kill',
  make: 'kill',
};

export function transform(name: TransformName, match: Match): string {
  return transforms[name](match);
}
