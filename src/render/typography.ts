/**
 * French → English typography for machine output, applied to targets before they are written.
 * Rules are data: each is a pattern and its replacement, applied in order. They go through the
 * text-edit mechanism (text/edit.ts) so the term spans of a target move with its text, and they
 * never rewrite a glossary form: the span's text is the entry's English form, exactly.
 */
import { applyEdits, type Span, type TextEdit, touches } from '../text/edit.js';

// Spaces French typesetting puts inside guillemets, before high punctuation and between groups of
// three digits: regular space, no-break space (U+00A0), narrow no-break space (U+202F), thin
// space (U+2009).
const FR_SPACE = '[ \\u00a0\\u202f\\u2009]';

type Rule = readonly [RegExp, string | ((match: string) => string)];

/**
 * Quotation marks: American English quotes with “ ” (« text » → “text”); British English with
 * ‘ ’ at the first level and “ ” inside (« il a dit “non” » → ‘il a dit “non”’), so en-GB also
 * turns an engine's own first-level “ ” to ‘ ’ when the French had no guillemets.
 */
function quoteRules(text: string, variant: EnglishVariant): Rule[] {
  const [open, close] = variant === 'en-GB' ? ['‘', '’'] : ['“', '”'];
  const rules: Rule[] = [
    [new RegExp(`«${FR_SPACE}*`, 'gu'), open],
    [new RegExp(`${FR_SPACE}*»`, 'gu'), close],
  ];
  if (variant === 'en-GB' && !text.includes('«')) rules.push([/“/gu, '‘'], [/”/gu, '’']);
  return rules;
}

/** Which English the typography writes: `en` is American English. */
export type EnglishVariant = 'en-US' | 'en-GB';

export function englishVariant(targetLang: string): EnglishVariant {
  return /^en[-_]gb$/iu.test(targetLang) ? 'en-GB' : 'en-US';
}

const rules: readonly Rule[] = [
  // 10 000 / 1 500 000 → 10,000 / 1,500,000 (digits grouped by threes after a 1–3 digit head).
  [
    new RegExp(`(?<![\\d.,])\\d{1,3}(?:${FR_SPACE}\\d{3})+(?![\\d])`, 'gu'),
    (m: string) => m.replace(new RegExp(FR_SPACE, 'gu'), ','),
  ],
  // 3,5 → 3.5 (a decimal comma between digits; "1, 2" has a space and is left alone).
  [/(?<=\d),(?=\d)(?!\d{3}(?!\d))/gu, '.'],
  // No space before ; : ! ? and % in English.
  [new RegExp(`${FR_SPACE}+(?=[;:!?%])`, 'gu'), ''],
  // …nor before a comma or a full stop after a word, which no typography sets but an engine leaves
  // (Apertium: « se sont abstenus, » → "abstained ,"). Not before a decimal (« .5 ») or an ellipsis.
  [new RegExp(`(?<=[\\p{L}\\p{N}”’)])${FR_SPACE}+(?=,|\\.(?![.\\d]))`, 'gu'), ''],
];

/** English typography on a target whose spans must keep covering their text. */
export function englishTypographySpanned<S extends Span>(
  text: string,
  spans: readonly S[],
  variant: EnglishVariant = 'en-US',
): { text: string; spans: S[] } {
  let out = { text, spans: [...spans] };
  for (const [pattern, replacement] of [...quoteRules(text, variant), ...rules]) {
    const edits: TextEdit[] = [];
    for (const match of out.text.matchAll(pattern)) {
      const insert = typeof replacement === 'string' ? replacement : replacement(match[0]);
      const edit = { start: match.index, end: match.index + match[0].length, insert };
      if (!out.spans.some((span) => touches(edit, span))) edits.push(edit);
    }
    if (edits.length > 0) out = applyEdits(out.text, out.spans, edits);
  }
  return out;
}
