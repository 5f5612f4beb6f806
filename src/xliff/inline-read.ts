/**
 * Reading `<source>`/`<target>` content into text, term marks and inline codes.
 *
 * - Codes (1.2 inline elements `<g> <x/> <bx/> <ex/> <bpt> <ept> <ph> <it>`, 2.x `<pc> <ph/> <sc/> <ec/>`)
 *   are listed with their id, equivalent text and offset in the text, so checks can compare them
 *   by id and render can show them. The content of 1.2 `<bpt> <ept> <ph> <it>` is the original
 *   format's native code, not text, and is left out of the text; `<sub>` inside it is
 *   translatable text (a link title, an alt text) and is kept. `<g>` and `<pc>` enclose translatable text.
 * - Annotations are not codes: 1.2 `<mrk>` (any mtype) and 2.x `<mrk>`, `<sm/>`, `<em/>`
 *   (2.x annotations). Their text is kept; term marks also become spans.
 * - XLIFF 2 `<cp hex>` stands for a character XML cannot carry, and becomes that character.
 * - Foreign elements keep their text and are named as flattened codes (nothing dropped silently).
 */
import { textOf, type XmlElement } from '../xml/tree.js';

export interface InlineMark {
  start: number;
  end: number;
  element: XmlElement;
}

/** One inline code as it stands in a source or target. */
export interface CodeRef {
  /** Element name: `x`, `g`, `bpt`, `pc`, `ph`, `sc`, `ec`… */
  kind: string;
  /** The code's id (2.x `<ec>` without id: its `startRef`; 1.2 `<ept>`: its `rid` or id). */
  id: string;
  /** `equiv`/`equiv-text`/`disp`, when the file gives one: ties codes whose ids differ. */
  equiv?: string;
  /** UTF-16 offset in the text where the code stands (a paired code: where it opens). */
  offset: number;
  /** For paired codes (`<g>`, `<pc>`): where the enclosed text ends. */
  end?: number;
}

export interface InlineText {
  text: string;
  marks: InlineMark[];
  /** Names of flattened inline elements, each once, in order of appearance. */
  codes: string[];
  /** Every inline code, in document order. */
  refs: CodeRef[];
}

const CODES = new Set(['g', 'x', 'bx', 'ex', 'bpt', 'ept', 'ph', 'it', 'pc', 'sc', 'ec']);
const NATIVE_CONTENT_12 = new Set(['bpt', 'ept', 'ph', 'it']);
const ANNOTATIONS = new Set(['mrk', 'sm', 'em']);

export function readInline(container: XmlElement, isTermMark: (element: XmlElement) => boolean): InlineText {
  const result: InlineText = { text: '', marks: [], codes: [], refs: [] };
  const native = (element: XmlElement): void => {
    // Only <sub> inside native code holds translatable text.
    for (const child of element.children) {
      if (typeof child !== 'string' && child.name === 'sub') walk(child);
      else if (typeof child !== 'string') native(child);
    }
  };
  const walk = (element: XmlElement): void => {
    for (const child of element.children) {
      if (typeof child === 'string') {
        result.text += child;
      } else if (isTermMark(child)) {
        const mark = { start: result.text.length, end: 0, element: child };
        result.marks.push(mark);
        walk(child);
        mark.end = result.text.length;
      } else if (child.name === 'cp' && child.attrs.has('hex')) {
        result.text += codePoint(child);
      } else if (ANNOTATIONS.has(child.name) || child.name === 'sub') {
        walk(child);
      } else if (CODES.has(child.name)) {
        if (!result.codes.includes(child.name)) result.codes.push(child.name);
        const ref = codeRef(child, result.text.length);
        result.refs.push(ref);
        const is12Native = NATIVE_CONTENT_12.has(child.name) && child.children.length > 0 && !isXliff2(child);
        if (is12Native) native(child);
        else walk(child);
        if (child.name === 'g' || child.name === 'pc') ref.end = result.text.length;
      } else {
        if (!result.codes.includes(child.name)) result.codes.push(child.name);
        walk(child);
      }
    }
  };
  walk(container);
  return result;
}

function isXliff2(element: XmlElement): boolean {
  return element.uri.startsWith('urn:oasis:names:tc:xliff:document:2.');
}

function codeRef(element: XmlElement, offset: number): CodeRef {
  const a = element.attrs;
  const id =
    (element.name === 'ec' && !a.has('id') ? a.get('startRef') : undefined) ??
    (element.name === 'ept' ? (a.get('rid') ?? a.get('id')) : a.get('id')) ??
    '';
  const equiv = a.get('equiv') ?? a.get('equiv-text') ?? a.get('disp') ?? a.get('equivStart');
  return { kind: element.name, id, offset, ...(equiv ? { equiv } : {}) };
}

function codePoint(element: XmlElement): string {
  const value = Number.parseInt(element.attrs.get('hex') ?? '', 16);
  return Number.isInteger(value) && value >= 0 && value <= 0x10ffff
    ? String.fromCodePoint(value)
    : textOf(element);
}

/** The note a segment gets when its XLIFF carried inline codes that Versio's model cannot hold. */
export function inlineCodesNote(where: 'source' | 'target', codes: readonly string[]): string {
  const list = codes.map((name) => `<${name}>`).join(', ');
  return `Versio: the ${where} had inline codes (${list}) that were flattened to plain text; check formatting.`;
}
