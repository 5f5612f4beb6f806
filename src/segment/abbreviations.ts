/**
 * French abbreviations that end in a dot, written without that dot (the engine looks the
 * word before the dot up in a Set). Two lists, because they behave differently before a
 * capital letter. Sources: Lexique des règles typographiques en usage à l'Imprimerie
 * nationale (abréviations), and the forms seen in AFP and Le Monde copy; the entries marked
 * `CLDR` come from the French sentence-break suppressions of Unicode CLDR
 * (unicode-org/cldr common/segments/fr.xml, "From ULI data", Unicode License v3), those
 * marked `OmegaT` from the French and Catalan rules of OmegaT's defaultRules.srx
 * (omegat-org/omegat, GPL-3.0-or-later; a list of abbreviations is a fact, no code is copied).
 * See tests/fixtures/segmentation/README.md.
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
  // CLDR: Prof., Comm.; OmegaT (Catalan): Prof.; Pre is the feminine form of Pr.
  'Prof',
  'Profs',
  'Pre',
  'Comm',
  'Mart',
  // Two-letter initials of a first name (Ph. Martin, Ch. de Gaulle, Th. Dupont): no French
  // word is spelt so, so they never end a sentence (CLDR lists one-letter ones: C., D., L.).
  'Ch',
  'Ph',
  'Th',
  'Chr',
  // Street types before a name (CLDR: adr.; Quebec: boul., ch., rte).
  'boul',
  'Boul',
  'Av',
  'rte',
  'hôp',
  'pl',
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
  // CLDR: references that announce their complement.
  'Op',
  'append',
  'bull',
  'doc',
  'édit',
  'illustr',
  'ill',
  'symb',
  'dest',
  'équiv',
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
  // CLDR: days and months (`lun. 12 févr.`); `mer.` and `jeu.` are also words, but only a
  // digit after them keeps the sentence whole (a capital still breaks: `en mer. Les`).
  'lun',
  'mar',
  'mer',
  'jeu',
  'ven',
  'sam',
  'dim',
  'fév',
  // `et al.` (OmegaT) and the legal `al.` (alinéa): `art. 3, al. 2`.
  'al',
  // CLDR: generic abbreviations that may close a sentence.
  'aux',
  'config',
  'collab',
  'imprim',
  'syst',
  'broch',
  'anc',
  'voit',
  'graph',
  'niv',
  'quart',
  'cam',
  'éval',
  'anon',
  'indus',
  'acoust',
  'encycl',
  'categ',
  'imm',
  'exempl',
  'ann',
  'synth',
  'dict',
  'gouv',
  'publ',
];
