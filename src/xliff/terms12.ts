/**
 * XLIFF 1.2 term marks. Strict 1.2 gives `<mrk>` no `id` and allows `mid` only when it refers to a
 * `<seg-source>` marker (keyref KR_tu_segsrc_mid), so each `<mrk mtype="term">` names its glossary
 * entry in `comment`, and the file header keeps the table from that name to the entry id, English
 * form and policy (`<header><glossary><internal-file>`, the glossary used for the translation).
 */
import type { Document, TermPolicy, TermSpan } from '../document.js';
import { InputError } from '../errors.js';

export const TERMS_FORMAT = 'versio-terms/1';

export interface TermInfo {
  entryId: string;
  target: string;
  policy: TermPolicy;
}

export interface TermTable {
  format: typeof TERMS_FORMAT;
  /** Keyed by the `comment` written on the `<mrk>`: the entry id, suffixed `#2`… only if one id comes with two English forms or policies. */
  terms: Record<string, TermInfo>;
}

const identity = (t: TermInfo): string => JSON.stringify([t.entryId, t.target, t.policy]);

/** Names every distinct entry the document's spans use, in order of first use. */
export function termTableOf(doc: Document): { table: TermTable; keyOf: (span: TermSpan) => string } {
  const keys = new Map<string, string>();
  const terms: Record<string, TermInfo> = {};
  for (const block of doc.blocks) {
    for (const segment of block.segments) {
      for (const span of [...segment.spans, ...(segment.targetSpans ?? [])]) {
        const info = { entryId: span.entryId, target: span.target, policy: span.policy };
        if (keys.has(identity(info))) continue;
        let key = span.entryId;
        for (let n = 2; Object.hasOwn(terms, key); n++) key = `${span.entryId}#${n}`;
        keys.set(identity(info), key);
        terms[key] = info;
      }
    }
  }
  return {
    table: { format: TERMS_FORMAT, terms },
    // biome-ignore lint/style/noNonNullAssertion: asked only for spans of `doc`, every one keyed above.
    keyOf: (span) => keys.get(identity(span))!,
  };
}

export function parseTermTable(json: string, where: string): TermTable {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (cause) {
    throw new InputError(`${where}: the Versio glossary table is not valid JSON`, { cause });
  }
  const v = value as Partial<TermTable> | null;
  const ok =
    v?.format === TERMS_FORMAT &&
    typeof v.terms === 'object' &&
    v.terms !== null &&
    Object.values(v.terms).every(
      (t) =>
        typeof t?.entryId === 'string' &&
        typeof t.target === 'string' &&
        (t.policy === 'protect' || t.policy === 'provider'),
    );
  if (!ok) throw new InputError(`${where}: the glossary table is not a ${TERMS_FORMAT} table`);
  return v as TermTable;
}

/** Resolves a `<mrk comment>`; a term marked by another tool becomes an entry named by its comment. */
export function termInfo(table: TermTable | undefined, comment: string | undefined): TermInfo {
  const key = comment ?? '';
  const known = table && Object.hasOwn(table.terms, key) ? table.terms[key] : undefined;
  return known ?? { entryId: key, target: '', policy: 'provider' };
}
