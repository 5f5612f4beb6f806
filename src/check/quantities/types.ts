/** What the quantity readers return: a number, date part, time or digit string found in a text, by value. */

/** The languages whose number words, dates and times are read; others get digits only. */
export type Language = 'fr' | 'en';

export interface Quantity {
  /** As written. */
  raw: string;
  /** UTF-16 offsets of `raw` in the text. */
  start: number;
  end: number;
  /**
   * Canonical keys, more than one when the writing is ambiguous: decimal strings ("1500", "1.5"),
   * `m3` a month, `t21:45` a time of day, `#9782070368228` a digit string compared as a string.
   */
  values: string[];
  /** May pair with a quantity on the other side but is never reported alone (un, one, first, both). */
  optional: boolean;
  /** An approximate quantity (une dizaine, a dozen, des centaines): any number in [low, high] matches it. */
  approx?: { low: number; high: number };
}

/** Decimal string of a non-negative number, never in exponent notation (1e21 → "1000000000000000000000"). */
export function decimal(value: number): string {
  if (Number.isInteger(value)) return BigInt(value).toString();
  return String(Number(value.toFixed(9)));
}

/**
 * "1.2" × 10^9 → "1200000000", by moving the decimal point in the string, so no binary rounding
 * creeps in (1.15 × 10⁶ is 1149999.9999999998 in floating point).
 */
export function shiftDecimal(canonical: string, zeros: number): string {
  const [int = '0', frac = ''] = canonical.split('.');
  const digits = int + frac.padEnd(zeros, '0');
  const point = int.length + zeros;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return rest === '' ? whole : `${whole}.${rest}`;
}
