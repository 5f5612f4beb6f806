/** HTML escaping for the review page. */

const HTML_REFS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text and attribute values alike (HTML §13.1.2.3: quoted attributes need & and the quote). */
export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_REFS[c] ?? c);
}
