/**
 * The layout of the source article (text between segments and blocks, leading text, line
 * ending, BOM) as Versio records it in XLIFF, so that a reviewed XLIFF file alone rebuilds the
 * article. XLIFF 1.2 keeps it as JSON in the skeleton (`<header><skl><internal-file>`): the
 * strict schema refuses attributes and elements from other namespaces (its `##other` wildcards
 * are processContents="strict"), and JSON keeps whitespace-only strings safe from tools that
 * re-indent XML. XLIFF 2.x keeps it in `<ignorable>` and the Metadata module instead (write2.ts).
 */
import type { Document, LineEnding } from '../document.js';
import { InputError } from '../errors.js';

export const LAYOUT_FORMAT = 'versio-layout/1';

export interface Layout {
  format: typeof LAYOUT_FORMAT;
  eol: EolName;
  bom: boolean;
  before: string;
  blocks: Array<{ id: string; after: string; segments: Array<{ id: string; after: string }> }>;
}

export type EolName = 'lf' | 'crlf' | 'cr';
const EOL_NAMES = { '\n': 'lf', '\r\n': 'crlf', '\r': 'cr' } as const satisfies Record<LineEnding, EolName>;

export function eolName(eol: LineEnding): EolName {
  return EOL_NAMES[eol];
}

export function eolFromName(name: string, where: string): LineEnding {
  const found = (Object.keys(EOL_NAMES) as LineEnding[]).find((eol) => EOL_NAMES[eol] === name);
  if (found === undefined) throw new InputError(`${where}: unknown line ending "${name}" (lf, crlf or cr)`);
  return found;
}

export function layoutOf(doc: Document): Layout {
  return {
    format: LAYOUT_FORMAT,
    eol: eolName(doc.eol),
    bom: doc.bom,
    before: doc.before,
    blocks: doc.blocks.map((block) => ({
      id: block.id,
      after: block.after,
      segments: block.segments.map((segment) => ({ id: segment.id, after: segment.after })),
    })),
  };
}

/** Parses and checks the skeleton JSON; `where` is `path:line:column` of the element. */
export function parseLayout(json: string, where: string): Layout {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (cause) {
    throw new InputError(`${where}: the Versio skeleton is not valid JSON`, { cause });
  }
  if (!isLayout(value)) {
    throw new InputError(`${where}: the skeleton is not a ${LAYOUT_FORMAT} layout`);
  }
  return value;
}

function isLayout(value: unknown): value is Layout {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.format === LAYOUT_FORMAT &&
    typeof v.eol === 'string' &&
    typeof v.bom === 'boolean' &&
    typeof v.before === 'string' &&
    Array.isArray(v.blocks) &&
    v.blocks.every(
      (b: Record<string, unknown>) =>
        typeof b?.id === 'string' &&
        typeof b.after === 'string' &&
        Array.isArray(b.segments) &&
        b.segments.every(
          (s: Record<string, unknown>) => typeof s?.id === 'string' && typeof s.after === 'string',
        ),
    )
  );
}
