/**
 * French abbreviations that end in a dot, written without that dot (the engine looks the
 * word before the dot up in a Set). Two lists, because they behave differently before a
 * capital letter. Sources: Lexique des règles typographiques en usage à l'Imprimerie
 * nationale (abréviations), and the forms seen in AFP and Le Monde copy.
 */

/**
 * Never the last word of a sentence: a title or a reference word always has its complement
 * after it (`M. Dupont`, `cf. p. 12`, `av. J.-C.`, `art. 49.3`, `env. 300`), so no break even
 * before a capital.
 */
export const prefixAbbreviations: readonly string[] = [
  // Titles and ranks before a name.
  'M',
  'MM',
  'Mme',
  'Mmes',
  'Mlle',
  'Mlles',
  'Dr',
  'Drs',
  'Pr',
  'Me',
  'Mes',
  'Mgr',
  'St',
  'Ste',
  'Sts',
  'Stes',
  'Gal',
  'Gén',
  'Col',
  'Cdt',
  'Lt',
  'Sgt',
  'Cne',
  'Éd',
  // References and enumerations, followed by what they refer to.
  'cf',
  'Cf',
  'p',
  'pp',
  'ex',
  'av',
  'apr',
  'vol',
  'Vol',
  'art',
  'Art',
  'no',
  'No',
  'nos',
  'chap',
  'fig',
  'env',
  'Env',
  'réf',
  'tél',
  'Tél',
  'dir',
  'trad',
  'coll',
  'op',
  'vs',
  'bd',
  'Bd',
];

/**
 * May end a sentence (`…, des meetings, etc.`, `à la fin du XIXe s.`, `Durand et Cie.`): no
 * break before a lowercase word or a number (`etc. et`, `janv. 2016`), a break before a capital.
 */
export const abbreviations: readonly string[] = [
  'etc',
  'min',
  'max',
  'janv',
  'févr',
  'avr',
  'juil',
  'sept',
  'oct',
  'nov',
  'déc',
  'Jr',
  'Cie',
  'Sté',
  'Inc',
  'Ltd',
  's',
  'éd',
  'hab',
  'cit',
  'ibid',
  'sqq',
  'suiv',
];
