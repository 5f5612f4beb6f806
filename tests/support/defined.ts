/**
 * A value the test needs before it can assert anything (the first finding, the segment with this
 * id): returned when it is there, else the test fails here, saying what was missing.
 */
export function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}, found nothing`);
  return value;
}
