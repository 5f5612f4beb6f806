/**
 * News post-editing rules for the English that Apertium's French → Spanish → English pivot
 * writes: generic French → English news knowledge, never a phrase of one article. Every rule
 * has a case in tests/fixtures/postedit/cases.json; every family is measured alone on the
 * references (bench figure "english"), and a family that does not gain is not kept in
 * `defaultFamilies`.
 */

import { PLACEHOLDER_PREFIX, PLACEHOLDER_SOURCE } from '../glossary/placeholder.js';
import { calqueRules } from './calque-rules.js';
import { styleRules } from './style-rules.js';
import type { PostEditFamily, PostEditRule, StyleFamily } from './types.js';
import { MONTHS, MOTION_BEFORE, NOT_LOCATIVE_BEFORE, WEEKDAYS } from './words.js';

const MODAL_OR_TO =
  '(?<!\\b(?:would|could|should|might|must|may|will|shall|can|cannot|to|not|never|also)\\s)';
/** Within the sentence: anything but a sentence end (the dot of `1.62` or `a.m.` is none). */
const IN_SENTENCE = '(?:[^.;!?]|\\.(?=\\S))*';
const COUNT = '(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|a few|several)';
const SPAN = `${COUNT} (?:days?|weeks?|months?|years?|decades?)`;
/**
 * A point or span the perfect runs from: « depuis novembre / 1850 / le 7 octobre / dix
 * jours », which the pivot writes "from November" (Spanish desde), and « en deux ans »
 * ("in two years", over the span up to now).
 */
const SINCE_TIME = `\\b(?:[Ss]ince|[Ff]rom (?:the )?(?:(?:${MONTHS})\\b|(?:1[89]|20)\\d\\d\\b|\\d{1,2} (?:${MONTHS})\\b|${SPAN}\\b)|in ${SPAN}\\b)`;
/**
 * A present perfect that English keeps: `since`, `already`, `yet`… later in the sentence, or
 * a `since` time anywhere in it ("From November, the rebels have targeted…").
 */
const KEEPS_PERFECT = `(?!${IN_SENTENCE}(?:\\b(?:since|already|yet|ever|never|so far|until now|recently|just|for the first time)\\b|${SINCE_TIME}))`;
const NOT_AFTER_SINCE_TIME = `(?<!${SINCE_TIME}${IN_SENTENCE})`;

export const postEditRules: readonly PostEditRule[] = [
  // Capitals first: the other rules match lowercase words.
  {
    family: 'capitals',
    name: 'lowercase-after-parenthesis',
    pattern:
      '(?<=[\\p{L}\\p{N}] \\([^()]{1,60}\\) )(?<word>Has|Have|Is|Are|Was|Were|Will|Would|Can|Could|Should|Must|May|Said|The|And|Of|In|On|At|To|For|With|By|From|That|Which|Who)\\b',
    replacement: '',
    transform: 'lowercase',
    why: '« la BCE (Banque centrale européenne) a annoncé »: Apertium capitalises the word after a mid-sentence parenthesis.',
  },
  {
    family: 'capitals',
    name: 'lowercase-auxiliary-after-name',
    // After a capitalised word in mid-sentence (a name the engine did not know), never after a
    // sentence end: "Ousmane Dembélé Has opened" → "has opened".
    pattern:
      '(?<=[^.!?:;«“"\\s]\\s\\p{Lu}[\\p{L}’\'-]+ )(?<word>Has|Have|Had|Is|Are|Was|Were|Will|Would)(?= \\p{Ll})',
    replacement: '',
    transform: 'lowercase',
    why: '« Ousmane Dembélé a ouvert »: Apertium capitalises the auxiliary after a name it does not know.',
  },
  {
    family: 'capitals',
    name: 'lowercase-after-quote-comma',
    pattern: '(?<=[”"»],\\s)(?<word>Has|Have|Said|Told|Added|The|According)\\b',
    replacement: '',
    transform: 'lowercase',
    why: '« … », a-t-il dit: the attribution after a quotation continues the sentence in lowercase.',
  },
  {
    family: 'reporting-verbs',
    name: 'told-journalists',
    pattern:
      '\\b(?:has|have) (?:declared|said|affirmed|stated|indicated|explained) to (?:the )?(?:journalists|reporters|press)\\b',
    replacement: 'told journalists',
    why: '« a déclaré aux journalistes »: English reports speech to someone with "told".',
  },
  {
    family: 'reporting-verbs',
    name: 'declared-said',
    pattern: '\\b(?:has|have) (?:declared|affirmed|stated|asserted)\\b',
    replacement: 'said',
    why: 'a déclaré / a affirmé introduce speech; English news uses "said".',
  },
  {
    family: 'reporting-verbs',
    name: 'verb-after-quote-said',
    pattern:
      '(?<=[”"»],?\\s)(?:has|have) (?:estimated|assured|indicated|specified|underlined|stressed|reported|judged|considered|explained|reacted|launched|confided|commented|answered|replied|observed|recalled|justified|rejoiced|noted|pointed out)\\b',
    replacement: 'said',
    why: 'After a quotation, French varies the verb (a estimé, a souligné, a réagi…); English news says "said".',
  },
  {
    family: 'reporting-verbs',
    name: 'added-warned',
    pattern: '\\b(?:has|have) (added|warned|insisted|acknowledged|admitted|conceded)\\b',
    replacement: '$1',
    why: 'a ajouté / a averti: the simple past, as English narrative news writes it.',
  },
  {
    family: 'simple-past',
    name: 'perfect-to-past',
    pattern: `(?<![\\p{L}’'])${MODAL_OR_TO}${NOT_AFTER_SINCE_TIME}(?<aux>has been|have been|has|have) (?<verb>\\p{Ll}+)\\b${KEEPS_PERFECT}`,
    replacement: '',
    transform: 'simple-past',
    outsideQuotes: true,
    why: 'The French passé composé narrates finished events; English news uses the simple past (not after a modal, "to", with already/never, nor in a sentence with a since time: « depuis novembre » → "from November", « en deux ans »).',
  },
  {
    family: 'word-order',
    name: 'period-last-next',
    pattern: '\\bthe (week|month|year|weekend|summer|winter|spring|autumn) (last|next)\\b',
    replacement: '$2 $1',
    why: 'la semaine dernière / l’an prochain: the adjective goes first in English.',
  },
  {
    family: 'word-order',
    name: 'period-last-next-sentence-start',
    pattern: '\\bThe (week|month|year|weekend|summer|winter|spring|autumn) last\\b',
    replacement: 'Last $1',
    why: 'La semaine dernière, … at a sentence start: "Last week, …", capital kept.',
  },
  {
    family: 'word-order',
    name: 'period-next-sentence-start',
    pattern: '\\bThe (week|month|year|weekend|summer|winter|spring|autumn) next\\b',
    replacement: 'Next $1',
    why: 'L’an prochain, … at a sentence start: "Next year, …", capital kept.',
  },
  {
    family: 'word-order',
    name: 'weekday-last-next',
    pattern: `\\b(${WEEKDAYS}) (last|next)\\b`,
    replacement: '$2 $1',
    why: 'mardi dernier / lundi prochain → last Tuesday / next Monday.',
  },
  {
    family: 'word-order',
    name: 'doubled-function-word',
    pattern: "\\b(in|of|the|to|a|an|on|at|for|by|with|from|and|is|was)\\s+\\1\\b(?!\\s*[’']s\\b)",
    replacement: '$1',
    why: 'The pivot writes a function word twice where French has a preposition and an article it merges ("entrés dans la zone" → "gone in in the zone"); English never doubles them ("that that" aside, kept out).',
  },
  {
    family: 'courtesy-titles',
    name: 'drop-courtesy-title',
    // French M. (monsieur), Mme, Mlle and Me (maître, which the pivot writes M) pass through
    // untranslated; a lone M is an initial after a given name (Jean M. Dupont), so not there.
    pattern: `(?:\\b(?:Sra|Sr|Srta|Sras|Sres|Mrs|Mr|Ms|Mme|Mlle|Me)\\.?|(?<!\\p{Lu}[\\p{L}’'-]*\\s)\\bM\\.?)\\s(?=\\p{Lu}|${PLACEHOLDER_PREFIX}\\d)`,
    replacement: '',
    why: 'M. / Mme / Mlle / Me before a name: English wire style (AP) uses no courtesy title; Sr/Sra are their Spanish pivot leaks.',
  },
  {
    family: 'places',
    name: 'to-place-in',
    pattern: `${MOTION_BEFORE}${NOT_LOCATIVE_BEFORE}\\b(?<to>[Tt]o) (?<place>${PLACEHOLDER_SOURCE}|\\p{Lu}[\\p{L}’'-]+)`,
    replacement: '',
    transform: 'place-in',
    why: '« à Palmyre »: French à before a town is locative (in Palmyra); the pivot writes "to". Only for places (glossary type place, Apertium location), never after a motion verb or "from".',
  },
  {
    family: 'places',
    name: 'to-century-in',
    pattern:
      '\\b(?:(?<=^|[.!?] )To|to) the (?=(?:\\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|[IVXL]+) century\\b)',
    replacement: 'in the ',
    why: '« au XIXe siècle »: à before a century is "in the 19th century".',
  },
  {
    family: 'articles',
    name: 'no-article-before-percentage',
    pattern: '\\b(?:(?<=^|[.!?] )The|the) (?=\\d+(?:[.,]\\d+)?[ \\u00a0\\u202f]?%)',
    replacement: '',
    why: 'Spanish puts an article before a percentage (« el 3,2 % ») and the pivot keeps it: "rose to the 3.2%"; English writes none.',
  },
  {
    family: 'articles',
    name: 'no-article-before-abstract-noun',
    pattern:
      '\\b(?:(?<=^|[.!?] )The|the) (inflation|unemployment|GDP|poverty|consumption)\\b(?! (?:of|rate|rates|figures?)\\b)',
    replacement: '$1',
    why: '« l’inflation », « le chômage », « le PIB »: French gives abstract economic nouns an article, English none.',
  },
  ...calqueRules,
  ...styleRules,
];

/** The families of the house style (`--style ap`); `--style none` leaves them out. */
export const styleFamilies: readonly StyleFamily[] = [
  'ap-dates',
  'ap-times',
  'ap-numbers',
  'ap-money',
  'ap-titles',
];

/** Families kept by default: each gained chrF alone on the references (bench/README.md). */
export const defaultFamilies: readonly PostEditFamily[] = [
  'reporting-verbs',
  'simple-past',
  'word-order',
  'courtesy-titles',
  'capitals',
  'places',
  'articles',
  'calques',
  ...styleFamilies,
];

/** Every family; today all are kept by default (none loses, bench/README.md §11). */
export const allFamilies: readonly PostEditFamily[] = defaultFamilies;
