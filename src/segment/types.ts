/**
 * Segmentation rules as data, in the spirit of SRX 2.0 (Segmentation Rules eXchange, LISA):
 * an ordered list of break / no-break rules, each a pair of regular expressions around a
 * candidate position, first match wins, no match means no break.
 *
 * One difference from SRX keeps the engine small and URLs, e-mails, decimals and dotted
 * acronyms whole: candidate positions are the whitespace gaps between tokens only. `before`
 * is matched against the text that ends where the gap starts, `after` against the text that
 * starts where the gap ends, and the gap (the whitespace itself) belongs to no sentence.
 */

/** A sentence as UTF-16 offsets into the block: `text.slice(start, end)`, trimmed. */
export interface SentenceSpan {
  start: number;
  end: number;
}

export interface SegmentationRule {
  /** Names the rule in tests, reports and the rule overview (kebab-case). */
  readonly name: string;
  /** SRX `break="yes"` / `break="no"`. */
  readonly break: boolean;
  /** Regex source (Unicode mode) that must match the text ending at the gap; omitted: anything. */
  readonly before?: string;
  /** Regex source (Unicode mode) that must match the text starting after the gap; omitted: anything. */
  readonly after?: string;
  /** Regex source that must match somewhere in the gap itself (e.g. a line break); omitted: anything. */
  readonly gap?: string;
  /**
   * Name of a word list (`SegmentationRules.wordLists`): the token before the gap, stripped of
   * trailing closing quotes/brackets, must end with a dot, and the word before that dot (stripped
   * of leading opening quotes/brackets and of an elided article such as `l’`) must be in the list.
   * This is a Set lookup, not a regex; the match is case-sensitive (`M.` is a title, `m.` is not).
   */
  readonly wordBeforeDotIn?: string;
}

export interface SegmentationRules {
  /** Word lists the rules refer to by name (abbreviations without their final dot). */
  readonly wordLists: Readonly<Record<string, readonly string[]>>;
  /** Ordered: the first rule whose every condition holds at a gap decides; none: no break. */
  readonly rules: readonly SegmentationRule[];
  /**
   * Regex source (Unicode mode) of zero-width positions with no whitespace that are candidate
   * gaps too (`hier.La loi`: a missing space after a full stop). The ordered rules decide them
   * like any gap, which is then empty. Omitted: only whitespace gaps are candidates.
   */
  readonly gluedGap?: string;
}
