/**
 * The checks, as data: id, default severity and what each one means. SARIF's `tool.driver.rules`,
 * the JSON report and the docs are generated from this table.
 */
import type { CheckId, Severity } from './finding.js';

export interface RuleDescription {
  id: CheckId;
  /** Severity when the project's config says nothing. */
  severity: Severity;
  /** One sentence, shown in SARIF `shortDescription` and `versio check --help`. */
  summary: string;
  /** How the check decides, for SARIF `fullDescription`. */
  details: string;
}

export const RULES = {
  'term-missing': {
    id: 'term-missing',
    severity: 'error',
    summary: 'A glossary term in the source is missing from the target.',
    details:
      "Every glossary term found in the source (by the glossary matcher) must appear in the target in its English form: whole words, Unicode NFC, straight or typographic apostrophes, a possessive or plural ending allowed (Palmyra's), the first letter free at a sentence start.",
  },
  'term-forbidden': {
    id: 'term-forbidden',
    severity: 'error',
    summary: 'The target uses an English variant the glossary forbids.',
    details:
      'A forbidden variant of any glossary entry (e.g. Palmira for Palmyra) appears in the target, matched as a whole word with the same normalisation as term-missing.',
  },
  untranslated: {
    id: 'untranslated',
    severity: 'error',
    summary: 'The target is empty, missing, or a copy of the source.',
    details:
      'A unit without a target or with an empty one, or whose target equals a source that has at least two words outside glossary terms and numbers. Units a reviewer approved (state reviewed or final) may keep a copied source.',
  },
  placeholder: {
    id: 'placeholder',
    severity: 'error',
    summary: 'Placeholders or marked terms differ between source and target.',
    details:
      "The raw placeholders (__E3__) and XLIFF inline codes (1.2 <g> <x> <bx> <ex> <bpt> <ept> <ph> <it>, 2.x <pc> <ph> <sc> <ec>) of the source must come back in the target with the same ids and counts: a dropped, added, renamed (same kind and equiv/disp, other id) or duplicated code is reported. Annotations (<mrk>, <sm>, <em>) are not codes. A protected term marked in the source must be marked in the target as often, and a term mark must cover the English form the file's glossary table gives it.",
  },
  number: {
    id: 'number',
    severity: 'error',
    summary: 'The numbers in the target differ from those in the source.',
    details:
      'Numbers are compared by value: 10 000 = 10,000 = 10000, 3,5 = 3.5, 1.500 (French thousands) = 1,500. A single separator followed by exactly three digits is ambiguous and matches either reading. Numbers written out in words are ignored.',
  },
  leftover: {
    id: 'leftover',
    // An error: Versio applies English typography to every target, so what is left is a real slip.
    severity: 'error',
    summary: 'French typography or an unrestored placeholder is left in the English target.',
    details:
      'Guillemets (« » ‹ ›) or a space before ; : ! ? or % in a target whose language is English, or a placeholder (__E3__, <x id="1"/>) that is not in the source (any language).',
  },
  'code-order': {
    id: 'code-order',
    // A warning: a translation may need its codes in another order; a reviewer should look.
    severity: 'warning',
    summary: 'The inline codes of the target are in another order than in the source.',
    details:
      'The target has the same XLIFF inline codes as the source (by kind and id) but in another order, e.g. two <x/> swapped. Missing, added, renamed or duplicated codes are placeholder findings.',
  },
  unreadable: {
    id: 'unreadable',
    severity: 'error',
    summary: 'The file could not be read as XLIFF; nothing in it was checked.',
    details:
      'Malformed XML, a DOCTYPE (refused: it could declare entities), a version other than XLIFF 1.2/2.0/2.1/2.2, or a structure the specification forbids (e.g. a <trans-unit> without <source>). The other files are still checked; the run exits 2.',
  },
  'doubled-word': {
    id: 'doubled-word',
    severity: 'error',
    summary: 'The same word twice in a row in the target ("of of").',
    details:
      'Like pofilter doublewords and Xbench "Repeated words": a word repeated with only spaces between, case-insensitively. A repetition the source has too (Bora Bora) and English "that that" / "had had" are accepted. Hint: delete one.',
  },
  whitespace: {
    id: 'whitespace',
    severity: 'warning',
    summary: 'Double spaces, or leading or trailing white space that differs from the source.',
    details:
      'Like pofilter doublespacing / startwhitespace / endwhitespace and Xbench "Double blanks": two or more spaces in a row (ordinary, no-break, narrow or thin) in the target where the source has fewer such runs, or white space at the start or end of one side only.',
  },
  'end-punctuation': {
    id: 'end-punctuation',
    severity: 'warning',
    summary: 'The target does not end with the same punctuation or closing quotation mark as the source.',
    details:
      'Like pofilter endpunc: the last mark (. ? ! : ; …) is read past closing quotes, brackets and spaces on both sides, so « Non ». and "No." agree; "..." equals "…". A closing quotation mark at the end of one side only is reported too. A target cut short usually loses its full stop here.',
  },
  brackets: {
    id: 'brackets',
    severity: 'warning',
    summary: 'Brackets or double quotation marks that do not pair up as in the source.',
    details:
      'Like pofilter brackets and Xbench "Unpaired symbols" / "Unpaired quotes": ( ) [ ] { } are counted and ordered, double quotation marks (« » “ ” „ and straight ") counted, on both sides; the target must be as balanced as the source (a quotation running over several segments leaves both open). Single quotes are not counted: ’ is also the apostrophe.',
  },
  length: {
    id: 'length',
    severity: 'warning',
    summary:
      'The target is much shorter or longer than the source for the language pair (truncated or padded).',
    details:
      'Like pofilter long/short: length ratio of target to source in characters, without inline codes, URLs or extra spaces, for sources of 60 characters or more. French → English: 0.45 to 1.6 (the median of good news translations is about 0.9); other pairs 0.4 to 2.5. A target ending on a word no sentence ends on (the, of, and, with…) without end punctuation is reported as truncated whatever its length.',
  },
  urls: {
    id: 'urls',
    severity: 'error',
    summary: 'URLs, e-mail addresses, hashtags or @handles differ between source and target.',
    details:
      'Like pofilter urls/emails and Xbench "URL mismatch": every web address (https://…, www.…, lemonde.fr/…), e-mail address, #hashtag and @handle of the source must be in the target unchanged (scheme and host case-insensitive), as many times, and the target must add none.',
  },
  inconsistency: {
    id: 'inconsistency',
    severity: 'warning',
    summary:
      'The same source translated differently, or one target for two different sources, in one file or one run.',
    details:
      'Like Xbench "Inconsistency in source/target" and CheckMate inconsistencies: identical sources (trimmed) of two words or more must have one translation (targets compared after NFC and spacing/quote normalisation); a target of four words or more must not translate two sources that differ in more than case and punctuation. Reported on the later unit, naming the first; across the files of one versio check run too (naming file#unit).',
  },
  'start-capital': {
    id: 'start-capital',
    severity: 'warning',
    summary: 'The source starts with a capital letter and the target with a lower-case one.',
    details:
      'Like pofilter startcaps: leading quotes, dashes, brackets and ellipses are skipped; a source starting with a digit says nothing; words lower case by nature (iPhone, al-Assad, de, van, von) and first words the source writes the same way are accepted.',
  },
} as const satisfies Record<CheckId, RuleDescription>;
