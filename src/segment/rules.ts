/**
 * French sentence-boundary rules for news copy, as data (SRX-style ordered rules; see
 * types.ts for how the engine reads them). Breaks fall only in whitespace gaps, so a URL
 * (https://www.lemonde.fr/a.html), an e-mail, a decimal (2.5, 3,5), a dotted thousand
 * (1.500), `O.N.U.` or `(...)` written without spaces is never cut. First rule that holds wins:
 *
 * 1. line-break (break): a line break inside a block is a hard boundary.
 * 2. closing-punctuation-follows (no break): a closing quote/bracket or a French spaced
 *    `? ! : ;` after the gap belongs to the sentence before it (`parti. »`, `Quoi ? !`).
 * 2b. credit-line (break): a parenthesis that closes the block after a sentence end and opens
 *    with a credit word (avec, d’après, selon, source, photo…) is a credit line of its own
 *    (`… a-t-il conclu. (avec AFP)`); `(AFP)` alone starts with a capital, so rule 12 splits it.
 * 3. elided-passage (no break): `(...)`, `[…]` mark a cut inside a quotation, not an end.
 * 4. prefix-abbreviation (no break): titles and reference words (M., Mme, Dr, cf., p., art.,
 *    av., env.…) always have their complement after them.
 * 5. era-end (break): `av. J.-C.` / `apr. J.-C.` before a capital ends the sentence
 *    (checked before the initials rule, which would keep `J.-C. Decaux` together).
 * 5b. abbreviation-before-parenthesis (no break): a dateline `Paris, 12 févr. (AFP) – Le…`;
 *    a parenthesis after an abbreviation continues the sentence.
 * 6. abbreviation-before-capital (break): an abbreviation that can end a sentence (etc.,
 *    janv., s., Cie…) followed by a capital ends it. Decision: `etc. Le` splits; a capital
 *    after `etc.` mid-sentence is rarer in news copy than `etc.` closing an enumeration.
 * 7. abbreviation-mid-sentence (no break): the same abbreviations before anything else
 *    (`etc. et`, `janv. 2016`).
 * 8. hyphenated-initials (no break): J.-M. Le Pen, J.-Ch. Dupont.
 * 8b. letter-ends-sentence (break): one capital and a dot after a noun that takes a letter as
 *    its designator (vitamine, plan, catégorie, groupe, annexe, zone…) ends the sentence before
 *    a capital (`la vitamine D. Les`, `un plan B. C’est`); after any other word it is an
 *    initial (`Karim B. a été`, `de J. K. Rowling`, `et N. Sarkozy`).
 * 9. single-initial (no break): one capital and a dot (G. W. Bush, Sergueï K. Choïgou), or a
 *    first name's initial letters with no vowel (Ph. Delorme, Ch. Martin, Th., Chr., Cl.): no
 *    French word ends a sentence as a capital and one or two lowercase consonants. Cost:
 *    an initial before a capitalised word (`Karim B. Les…`) stays one sentence.
 * 10. dotted-acronym-expansion (no break): O.C.D.E. (Organisation de coopération…).
 * 11. dotted-acronym-end (break): a dotted acronym (O.N.U., U.S.A.) before a capital ends the
 *    sentence. Decision: news copy writes mid-sentence acronyms before lowercase words
 *    (`l'O.N.U. a voté`), so a capital after one is far more often a new sentence.
 * 12. sentence-end (break): `. ! ? …` (also `...`, `?!`), then any closing quotes/brackets
 *    (`».`, `? »`, `.)`), before a capital or a digit, optionally after an opening quote,
 *    bracket or dash. A lowercase word after `?` or `!` continues the sentence
 *    (`« Pourquoi ? » a-t-il demandé`, `… ! » s'est-il exclamé`); so does one after a period
 *    (`… à la mi-temps. puis`: a typo is likelier than a sentence starting in lowercase).
 * Glued gaps: a full stop with no space after it, between two lowercase letters and a
 * capitalised word (`hier.La loi`), is a gap too (a typo for `hier. La`); a URL, an e-mail or a
 * dotted name never qualifies (the word before must hold no dot, the word after only letters).
 * Anything else: no break (a headline without final punctuation is one sentence).
 * Quotations with several sentences split inside the quotation, like other SRX rule sets.
 */
import { abbreviations, prefixAbbreviations } from './abbreviations.js';
import type { SegmentationRules } from './types.js';

const TERMINAL = '[.!?…]';
const CLOSER = '[»”"’)\\]}]';
/** `»`, `.)`, `? »` (space before it), `»)`: bounded, so a lookbehind never scans far back. */
const CLOSER_RUN = `(?:\\s{0,2}${CLOSER}){0,4}`;
const OPENER = '[«“"‘(\\[—–-]';
const CAPITAL_START = `(?:${OPENER}\\s*)?\\p{Lu}`;
const SENTENCE_START = `(?:${OPENER}\\s*)?[\\p{Lu}\\p{N}]`;
/** A token starts here: at the block start, after whitespace, an opener or an elided article (l’). */
const TOKEN_START = '(?<=^|[\\s(\\[{«“"‘\'’])';
/** Words that open a credit line in parentheses at the end of a news story. */
const CREDIT_WORD = "avec|d[’']après|selon|sources?|photos?|crédits?|texte|vidéo|with";
/** French nouns named by a capital letter (`vitamine D`, `plan B`, `groupe C`, `annexe A`). */
const LETTER_DESIGNATED = [
  'vitamines?',
  'plans?',
  'catégories?',
  'groupes?',
  'poules?',
  'séries?',
  'annexes?',
  'types?',
  'classes?',
  'zones?',
  'équipes?',
  'étapes?',
  'lettres?',
  'options?',
  'scénarios?',
  'variantes?',
  'bâtiments?',
  'tribunes?',
  'terminal',
  'terminaux',
  'portes?',
  'salles?',
  'niveaux?',
  'divisions?',
  'pistes?',
  'blocs?',
  'ailes?',
  'halls?',
  'secteurs?',
  'phases?',
  'versions?',
  'modèles?',
  'pavillons?',
  'escaliers?',
  'parties?',
  'listes?',
  'hépatites?',
  'voies?',
  'quais?',
].join('|');
const DOTTED_ACRONYM = `${TOKEN_START}(?:\\p{Lu}\\.){2,}`;

export const frenchRules: SegmentationRules = {
  wordLists: { prefixAbbreviations, abbreviations },
  // A word of letters (no dot: not a URL or e-mail) ending in two lowercase letters, then
  // `.!?…`; or a closing quote before `.` (`« trahison ».Le`); or a spaced `?!` (`décidé ?Rien`).
  gluedGap: `(?<=(?:(?:^|[\\s(«“"‘])[\\p{L}\\p{N}’'-]*\\p{Ll}{2}[.!?…]|\\p{Ll}\\s?${CLOSER}\\.|\\p{Ll}\\s[?!…])${CLOSER}?)(?=\\p{Lu}\\p{Ll}*(?:[\\s,;:!?…]|$))`,
  rules: [
    { name: 'line-break', break: true, gap: '[\\n\\r\\u2028\\u2029]' },
    {
      name: 'credit-line',
      break: true,
      before: `${TERMINAL}${CLOSER_RUN}`,
      after: `\\(\\s*(?:${CREDIT_WORD})\\b[^()\\n]*\\)\\s*$`,
    },
    {
      name: 'closing-punctuation-follows',
      break: false,
      // A straight " closes only when no word follows it.
      after: '(?:[»”’)\\]}.,;:!?…%]|"(?![\\p{L}\\p{N}]))',
    },
    { name: 'elided-passage', break: false, before: '[(\\[](?:…|\\.\\.\\.)[)\\]]' },
    { name: 'prefix-abbreviation', break: false, wordBeforeDotIn: 'prefixAbbreviations' },
    {
      name: 'era-end',
      break: true,
      before: `${TOKEN_START}(?:av|apr)\\.\\s{1,2}J\\.-?C\\.${CLOSER_RUN}`,
      after: CAPITAL_START,
    },
    {
      name: 'abbreviation-before-parenthesis',
      break: false,
      wordBeforeDotIn: 'abbreviations',
      after: '\\(',
    },
    {
      name: 'abbreviation-before-capital',
      break: true,
      wordBeforeDotIn: 'abbreviations',
      after: CAPITAL_START,
    },
    { name: 'abbreviation-mid-sentence', break: false, wordBeforeDotIn: 'abbreviations' },
    {
      name: 'hyphenated-initials',
      break: false,
      before: `${TOKEN_START}\\p{Lu}\\p{Ll}?\\.(?:-\\p{Lu}\\p{Ll}?\\.)+`,
    },
    {
      name: 'letter-ends-sentence',
      break: true,
      before: `(?:^|[\\s(«“"‘'’])(?:${LETTER_DESIGNATED})\\s\\p{Lu}\\.${CLOSER_RUN}`,
      after: CAPITAL_START,
    },
    {
      name: 'single-initial',
      break: false,
      before: `${TOKEN_START}\\p{Lu}[bcçdfghjklmnpqrstvwxz]{0,2}\\.`,
    },
    { name: 'dotted-acronym-expansion', break: false, before: DOTTED_ACRONYM, after: '[(\\[]' },
    {
      name: 'dotted-acronym-end',
      break: true,
      before: `${DOTTED_ACRONYM}${CLOSER_RUN}`,
      after: CAPITAL_START,
    },
    {
      name: 'sentence-end',
      break: true,
      before: `${TERMINAL}${CLOSER_RUN}`,
      after: SENTENCE_START,
    },
  ],
};
