/**
 * Post-editing rules as data: each rule is a Unicode regex over the English text of one segment
 * and a replacement. Rules are grouped in families, so a family can be measured alone and left
 * out if it does not pay (see bench/figures/english-quality.js).
 */

/** Families that repair the pivot's English (always on, unless VERSIO_POSTEDIT says otherwise). */
export type TranslationFamily =
  | 'reporting-verbs'
  | 'simple-past'
  | 'word-order'
  | 'courtesy-titles'
  | 'capitals'
  | 'places'
  | 'articles'
  | 'calques';

/** Families of the house style's conventions (`--style ap`; `--style none` leaves them out). */
export type StyleFamily = 'ap-dates' | 'ap-times' | 'ap-numbers' | 'ap-money' | 'ap-titles';

export type PostEditFamily = TranslationFamily | StyleFamily;

/** English conventions: `ap` (AP Stylebook, the default) or `none` (the engine's own). */
export type EnglishStyle = 'ap' | 'none';

/** What a rule may need to know beyond the text. */
export interface PostEditContext {
  /**
   * Words or placeholders (`__E3__`) that name a place: glossary entries of type `place`
   * written after a bare French `à`, and words Apertium's English dictionary tags as locations.
   */
  places?: ReadonlySet<string>;
  /** Target variant: en-GB writes dates day first (`17 March 2016`). */
  variant?: 'en-US' | 'en-GB';
  /** The French the English was translated from (what the engine was sent, placeholders included). */
  source?: string;
}

export interface PostEditRule {
  readonly family: PostEditFamily;
  /** Names the rule in tests (tests/fixtures/postedit/cases.json has a case for each). */
  readonly name: string;
  /** Regex source, compiled with the `gu` flags. */
  readonly pattern: string;
  /** Replacement string (`$1`, `$<name>`); with `transform`, applied to the named groups first. */
  readonly replacement: string;
  /**
   * A named function of the match (src/postedit/transforms.ts) instead of the replacement
   * string; it returns the match unchanged when the rule does not hold after all.
   */
  readonly transform?: TransformName;
  /** Leave text between quotation marks alone (a quotation keeps the speaker's tenses). */
  readonly outsideQuotes?: boolean;
  /**
   * Regex source (`u` flag) the French source must match for the rule to apply: for an English
   * pattern that is a calque only when the French says so ("one employee on three" from « sur
   * trois », never "an attack on three villages"). Without a source the rule does not apply.
   */
  readonly whenSource?: string;
  /** Why the rule holds, in one line: the French → English knowledge behind it. */
  readonly why: string;
}

export type TransformName =
  | 'simple-past'
  | 'lowercase'
  | 'ap-date'
  | 'place-in'
  | 'clock-time'
  | 'number-digits'
  | 'approximate-number'
  | 'ordinal-word'
  | 'century'
  | 'money'
  | 'trillion'
  | 'title'
  | 'down-up'
  | 'capitalise-count'
  | 'ministry'
  | 'killed'
  | 'year-old';
