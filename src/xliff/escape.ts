/**
 * Escaping for the XLIFF writers. We write XML ourselves (see write12.ts for why); a character
 * XML 1.0 cannot carry is refused, naming where it is, since a reviewed file must not lose it.
 */
import { InputError } from '../errors.js';
import { escapeXmlAttr, escapeXmlText, nonXmlChar } from '../xml/escape.js';

function assertXmlChars(value: string, where: string): void {
  const bad = nonXmlChar(value);
  if (bad !== undefined) {
    throw new InputError(`${where}: ${bad} cannot be carried by XML 1.0, so it cannot go into XLIFF`, {
      hint: 'remove the control character from the source text',
    });
  }
}

export function escapeText(value: string, where: string): string {
  assertXmlChars(value, where);
  return escapeXmlText(value);
}

export function escapeAttr(value: string, where: string): string {
  assertXmlChars(value, where);
  return escapeXmlAttr(value);
}

/** `name="value"` pairs, in the order given, skipping undefined values. */
export function attrs(pairs: ReadonlyArray<readonly [string, string | undefined]>, where: string): string {
  return pairs
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttr(value, where)}"`)
    .join('');
}
