/**
 * Post-editing rules as data: each rule is a Unicode regex over the English text of one segment
 * and a replacement. Rules are grouped in families, so a family can be measured alone and left
 * out if it does not pay (see bench/figures/english-quality.js).
 */
export type PostEditFamily =
  | 'reporting-verbs'
  | 'simple-past'
  | 'word-order'
  | 'courtesy-titles'
  | 'capitals';

export interface PostEditRule {
  readonly family: PostEditFamily;
  /** Names the rule in tests (tests/fixtures/postedit/cases.json has a case for each). */
  readonly name: string;
  /** Regex source, compiled with the `gu` flags. */
  readonly pattern: string;
  /** Replacement string (`$1`, `$<name>`); with `transform`, applied to the named groups first. */
  readonly replacement: string;
  /**
   * `simple-past`: the group `verb` (a past participle) becomes its simple past and the group
   * `aux` (has/have, has been/have been) is dropped or becomes was/were.
   * `lowercase`: the group `word` is lowercased.
   * `ap-date`: groups 1–3 (day, month, year) become `Oct. 7, 2023` (AP month abbreviations).
   */
  readonly transform?: 'simple-past' | 'lowercase' | 'ap-date';
  /** Leave text between quotation marks alone (a quotation keeps the speaker's tenses). */
  readonly outsideQuotes?: boolean;
  /** Why the rule holds, in one line: the French → English knowledge behind it. */
  readonly why: string;
}
