/**
 * French locutions of news writing that the pivot translates word for word (« par rapport à »
 * → "by report to"): each rule names the French and the English a news desk writes. Fixed
 * expressions only, never a phrase of one article.
 */
import type { PostEditRule } from './types.js';

export const calqueRules: readonly PostEditRule[] = [
  {
    family: 'calques',
    name: 'soit-or',
    pattern: ', was (?=(?:roughly |about |nearly |around |some )?\\d)',
    replacement: ', or ',
    why: '« 157 milliards, soit 5,4 % »: soit before a figure restates it ("or"); the pivot reads it as "was".',
  },
  {
    family: 'calques',
    name: 'contre-from',
    pattern: '\\bagainst (?=(?:the )?\\d[\\d.,]*[ \\u00a0\\u202f]?%)',
    replacement: 'from ',
    why: '« à 0,8 %, contre 1 % en septembre »: contre compares with the previous figure ("from 1%").',
  },
  {
    family: 'calques',
    name: 'on-average',
    pattern: '\\bin average\\b',
    replacement: 'on average',
    why: '« en moyenne » is "on average".',
  },
  {
    family: 'calques',
    name: 'compared-with',
    pattern: '\\bby report to\\b',
    replacement: 'compared with',
    why: '« par rapport à » is "compared with".',
  },
  {
    family: 'calques',
    name: 'by-the-end-of',
    pattern: '\\bof here when finali[sz]ing\\b',
    replacement: 'by the end of',
    why: '« d’ici la fin de » is "by the end of".',
  },
  {
    family: 'calques',
    name: 'by-deadline',
    pattern: '\\bof here to\\b',
    replacement: 'by',
    why: '« d’ici (à) décembre » is "by December".',
  },
  {
    family: 'calques',
    name: 'at-the-end-of',
    pattern: '\\bwhen finali[sz]ing\\b',
    replacement: 'at the end of',
    why: '« à la fin de » / « à l’issue de » is "at the end of".',
  },
  {
    family: 'calques',
    name: 'for-lack-of',
    pattern: '\\bto fault of\\b',
    replacement: 'for lack of',
    why: '« faute de » is "for lack of".',
  },
  {
    family: 'calques',
    name: 'election-round',
    pattern: '\\b(first|second) turn\\b',
    replacement: '$1 round',
    why: '« le premier / second tour » of an election is the first / second round.',
  },
  {
    family: 'calques',
    name: 'director-general',
    pattern: '\\bgeneral director\\b',
    replacement: 'director general',
    why: '« directeur général » is "director general"; English keeps the French order here.',
  },
  {
    family: 'calques',
    name: 'secretary-general',
    pattern: '\\bgeneral secretary\\b',
    replacement: 'secretary-general',
    why: '« secrétaire général » (UN, NATO, parties) is "secretary-general".',
  },
  {
    family: 'calques',
    name: 'euro-zone',
    pattern: '\\bzone euro\\b',
    replacement: 'euro zone',
    why: '« la zone euro » is "the euro zone".',
  },
  {
    family: 'calques',
    name: 'global',
    pattern: '\\bworld-wide (?=\\p{Ll})',
    replacement: 'global ',
    why: '« mondial » before a noun (croissance mondiale, économie mondiale) is "global" in news English.',
  },
  {
    family: 'calques',
    name: 'more-than',
    pattern: '\\b(?<![Nn]o )more (?=\\d)',
    replacement: 'more than ',
    why: '« plus de 100 » is "more than 100"; the pivot drops "than".',
  },
  {
    family: 'calques',
    name: 'off-the-coast',
    pattern: '\\bto the width of\\b',
    replacement: 'off',
    why: '« au large de » is "off" (off Yemen).',
  },
  {
    family: 'calques',
    name: 'bill',
    pattern: '\\b(?:project|proposition) of law\\b',
    replacement: 'bill',
    why: '« projet de loi » (government) and « proposition de loi » (a member’s) are both "bill".',
  },
  {
    family: 'calques',
    name: 'change-by',
    pattern:
      '\\b((?:went|gone|goes|go|going) (?:down|up)|fallen|fell|falls|fall|falling|risen|rose|rises|rise|rising|' +
      'grown|grew|dropped|slipped|progressed|retreated) of (?:the )?(?=\\d)',
    replacement: '$1 by ',
    why: '« a baissé de 4 centimes », « a chuté de 5 % »: the amount of a change is "by"; the pivot writes "of (the)".',
  },
  {
    family: 'calques',
    name: 'increased-by',
    pattern: '\\baugmented of (?:the )?(?=\\d)',
    replacement: 'increased by ',
    why: '« a augmenté de 3 % » is "increased by 3%"; the pivot writes "augmented of the".',
  },
  {
    family: 'calques',
    name: 'down-up-figure',
    pattern:
      '\\b(?:in (?<down>decline|shrinking|drop|fall)|(?<up>heaves?|in (?:rise|advance|progression|increase))) (?:of (?:the )?)?(?=\\d)',
    replacement: '',
    transform: 'down-up',
    why: '« en baisse / en recul / en hausse / en progression de 2 % » before a figure is "down 2%" / "up 2%".',
  },
  {
    family: 'calques',
    name: 'lowest',
    pattern: '\\b(?:his|her|its|their|the) low plus\\b',
    replacement: 'its lowest',
    why: '« son plus bas (niveau) », « au plus bas » is "its lowest (level)"; the pivot writes "his low plus".',
  },
  {
    family: 'calques',
    name: 'partitive-count',
    pattern: '(?<=^|[.!?]["”’)]? )Of the (?<count>hundreds|thousands|dozens|tens|millions) of\\b',
    replacement: '',
    transform: 'capitalise-count',
    why: '« Des centaines / milliers de manifestants » at a sentence start is "Hundreds / Thousands of".',
  },
  {
    family: 'calques',
    name: 'nearly-figure',
    pattern:
      '\\b([Nn])ear (?:of (?=(?:the )?\\d)|(?=\\d[\\d,.]*(?:[ \\u00a0\\u202f]?%| (?:million|billion|trillion|thousand|hundred)\\b)))',
    replacement: '$1early ',
    why: '« près de 10 000 personnes », « près de 2 milliards »: près de before a figure is "nearly"; the pivot writes "near (of)".',
  },
  {
    family: 'calques',
    name: 'near-place',
    pattern: '\\b([Nn])ear of\\b',
    replacement: '$1ear',
    why: '« près de Lyon » is "near Lyon": English near takes no "of".',
  },
  {
    family: 'calques',
    name: 'one-in-n',
    // Not before a plural noun: « une attaque sur trois villages » is "an attack on three villages".
    pattern:
      '\\b(?:[Aa]n?|[Oo]ne) (\\p{L}+) on (two|three|four|five|six|seven|eight|nine|ten)\\b(?! \\p{Ll}{3,}s\\b)',
    replacement: 'one $1 in $2',
    whenSource: "\\b[Uu]ne? (?:[\\p{L}’'-]+ ){1,2}sur (?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\\b",
    why: '« un salarié sur trois » is "one employee in three"; the pivot writes "an employee on three".',
  },
  {
    family: 'calques',
    name: 'n-times',
    pattern: '\\bto (two|three|four|five|six|seven|eight|nine|ten|several|many|numerous|\\d+) recoveries\\b',
    replacement: '$1 times',
    whenSource: '\\breprises\\b',
    why: '« à quatre reprises », « à plusieurs reprises » is "four times", "several times"; the pivot reads reprise as a recovery.',
  },
  {
    family: 'calques',
    name: 'according-to-pronoun',
    pattern: '(?<=^|[.!?]\\s+|[«“"]\\s*|,\\s+)[Aa]s (him|her|them)(?=[,.;:])',
    replacement: 'according to $1',
    whenSource: '\\b[Ss]elon (?:lui|elle|eux|elles)\\b',
    why: '« Selon lui, … » is "According to him, …"; the pivot writes "As him".',
  },
  {
    family: 'calques',
    name: 'told-afp',
    // Not in the inversion after a quotation (« », a déclaré à l’AFP un syndicaliste): "told AFP a
    // unionist" would need its subject first.
    pattern:
      '(?<![”»"][,.]?\\s)\\b(?:said|declared|affirmed|indicated|explained|specified|confided|assured|confirmed) to the AFP\\b',
    replacement: 'told AFP',
    why: '« a déclaré à l’AFP » is "told AFP": speech reported to someone is "told", and English names the agency without an article.',
  },
  {
    family: 'calques',
    name: 'afp-no-article',
    pattern: '\\b[Tt]he AFP\\b',
    replacement: 'AFP',
    why: '« l’AFP » takes an article in French, never in English ("according to AFP", "AFP reported").',
  },
];
