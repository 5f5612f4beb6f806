/**
 * Digit tokens by value, whichever convention wrote them (quantities/read-forms.ts finds the
 * tokens). The rule, the same for source and target:
 * - spaces (U+0020, no-break U+00A0, narrow no-break U+202F, thin U+2009) between groups of three
 *   digits are thousands separators: 10 000 = 10000;
 * - a token with both "." and "," has its last one as the decimal mark: 1.500,25 = 1,500.25;
 * - one separator repeated before groups of three digits groups thousands: 1.500.000 = 1,500,000;
 * - a single "." or "," followed by exactly three digits is ambiguous (French 1.500 is 1500, English
 *   1.500 is 1.5): the number matches either reading;
 * - any other single "." or "," is a decimal mark: 3,5 = 3.5.
 */

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
