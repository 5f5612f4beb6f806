/**
 * Numbers by value, whichever convention wrote them. The rule, the same for source and target:
 * - spaces (U+0020, no-break U+00A0, narrow no-break U+202F, thin U+2009) between groups of three
 *   digits are thousands separators: 10 000 = 10000;
 * - a token with both "." and "," has its last one as the decimal mark: 1.500,25 = 1,500.25;
 * - one separator repeated before groups of three digits groups thousands: 1.500.000 = 1,500,000;
 * - a single "." or "," followed by exactly three digits is ambiguous (French 1.500 is 1500, English
 *   1.500 is 1.5): the number matches either reading;
 * - any other single "." or "," is a decimal mark: 3,5 = 3.5.
 * Numbers written in words are not read. A run of groups needs 1–3 leading digits, so "2016 400"
 * is two numbers.
 */

export interface NumberToken {
  raw: string;
  /** Canonical decimal strings ("1500", "1.5"); two when the token is ambiguous. */
  values: string[];
}

const NUMBER = /(?<![\d.,])(?:\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*)(?!\d)/g;

export function numbersIn(text: string): NumberToken[] {
  return [...text.matchAll(NUMBER)].map((m) => ({ raw: m[0], values: readings(m[0]) }));
}

/** The values a digit token may mean (two when a single separator before three digits is ambiguous). */
export function readings(raw: string): string[] {
  const compact = raw.replace(/[ \u00A0\u202F\u2009]/g, '');
  const marks = [...compact.matchAll(/[.,]/g)].map((m) => m[0]);
  if (marks.length === 0) return [canonical(compact, '')];
  const last = compact.search(/[.,][^.,]*$/);
  const intPart = compact.slice(0, last).replace(/[.,]/g, '');
  const tail = compact.slice(last + 1);
  if (new Set(marks).size > 1) return [canonical(intPart, tail)];
  const grouped = /^\d{1,3}([.,]\d{3})+$/.test(compact);
  if (marks.length > 1)
    return grouped ? [canonical(compact.replace(/[.,]/g, ''), '')] : [canonical(intPart, tail)];
  if (grouped) return [...new Set([canonical(intPart + tail, ''), canonical(intPart, tail)])];
  return [canonical(intPart, tail)];
}

function canonical(integer: string, fraction: string): string {
  const int = integer.replace(/^0+(?=\d)/, '');
  const frac = fraction.replace(/0+$/, '');
  return frac === '' ? int : `${int}.${frac}`;
}

export interface NumberDiff {
  /** In the source, not matched in the target. */
  missing: NumberToken[];
  /** In the target, not matched in the source. */
  extra: NumberToken[];
}

/**
 * Multiset comparison by value. Unambiguous numbers are paired first, each preferring an unambiguous
 * partner, so an ambiguous number cannot steal a match another number needs.
 */
export function compareNumbers(source: readonly NumberToken[], target: readonly NumberToken[]): NumberDiff {
  const used = new Set<number>();
  const unmatched = new Set(source.map((_, i) => i));
  const pass = (sourceFilter: (t: NumberToken) => boolean) => {
    source.forEach((s, i) => {
      if (!unmatched.has(i) || !sourceFilter(s)) return;
      const fits = (t: NumberToken, k: number) => !used.has(k) && t.values.some((v) => s.values.includes(v));
      // An unambiguous target is the better partner: an ambiguous one may still fit another number.
      let j = target.findIndex((t, k) => t.values.length === 1 && fits(t, k));
      if (j < 0) j = target.findIndex(fits);
      if (j >= 0) {
        used.add(j);
        unmatched.delete(i);
      }
    });
  };
  pass((t) => t.values.length === 1);
  pass(() => true);
  return {
    missing: source.filter((_, i) => unmatched.has(i)),
    extra: target.filter((_, k) => !used.has(k)),
  };
}
