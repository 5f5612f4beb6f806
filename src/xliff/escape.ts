/**
 * Escaping for the XLIFF writers. We write XML ourselves (see write12.ts for why), so these
 * two functions are the whole of our serialisation safety.
 */
import { InputError } from '../errors.js';

// XML 1.0 §2.2 Char: what a well-formed document may carry at all, even as a character reference.
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function assertXmlChars(value: string, where: string): void {
  const bad = NOT_XML_CHAR.exec(value);
  if (bad) {
    const code = (bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    throw new InputError(`${where}: U+${code} cannot be carried by XML 1.0, so it cannot go into XLIFF`, {
      hint: 'remove the control character from the source text',
    });
  }
}

/**
 * Character data. `>` is always escaped so `]]>` can never appear; `\r` is written as a
 * reference because XML 1.0 §2.11 turns a literal CR (or CRLF) into LF on reading.
 */
export function escapeText(value: string, where: string): string {
  assertXmlChars(value, where);
  return value.replace(/[&<>\r]/g, (c) => TEXT_REFS[c] ?? c);
}

/**
 * Attribute values. Tab, LF and CR are written as references because XML 1.0 §3.3.3
 * (attribute-value normalisation) turns literal ones into spaces.
 */
export function escapeAttr(value: string, where: string): string {
  assertXmlChars(value, where);
  return value.replace(/[&<>"\t\n\r]/g, (c) => ATTR_REFS[c] ?? c);
}

const TEXT_REFS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_REFS: Record<string, string> = {
  ...TEXT_REFS,
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
};

/** `name="value"` pairs, in the order given, skipping undefined values. */
export function attrs(pairs: ReadonlyArray<readonly [string, string | undefined]>, where: string): string {
  return pairs
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttr(value, where)}"`)
    .join('');
}
