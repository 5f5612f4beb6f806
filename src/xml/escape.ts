/**
 * Escaping for the markup we write ourselves (XLIFF, TMX, TBX, JUnit, the text sent to engines
 * that parse XML, the review page). One table of references; each function says which
 * characters its context needs.
 */

const REFS: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
const ref = (c: string): string => REFS[c] ?? c;

/**
 * XML character data. `>` is escaped too, so `]]>` can never appear; `\r` is written as a
 * reference because XML 1.0 §2.11 turns a literal CR (or CRLF) into LF on reading.
 */
export function escapeXmlText(value: string): string {
  return value.replace(/[&<>\r]/g, ref);
}

/**
 * XML attribute values, always written in double quotes. Tab, LF and CR are written as
 * references because XML 1.0 §3.3.3 (attribute-value normalisation) turns literal ones into spaces.
 */
export function escapeXmlAttr(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, ref);
}

/**
 * HTML text and attribute values alike (HTML §13.1.2.3: a quoted attribute needs `&` and its
 * quote; both quotes are escaped so either may be used). Line breaks stay literal: HTML keeps them.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, ref);
}

// XML 1.0 §2.2 Char: what a well-formed document may carry at all, even as a character reference
// (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; a surrogate that is not half of a pair).
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** The first character of `value` XML 1.0 cannot carry, as `U+0007`; undefined when there is none. */
export function nonXmlChar(value: string): string | undefined {
  const bad = NOT_XML_CHAR.exec(value);
  return bad ? `U+${bad[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** `value` without the characters XML 1.0 cannot carry, for output that must be written anyway. */
export function withoutNonXmlChars(value: string): string {
  return value.replace(new RegExp(NOT_XML_CHAR.source, 'gu'), '');
}
