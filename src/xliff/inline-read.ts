/**
 * Reading `<source>`/`<target>` content. Term marks become spans; every other inline element
 * (1.2 `<g>`, `<x/>`, `<ph>`, `<bpt>`…, 2.x `<pc>`, `<ph/>`, `<sc/>`…, foreign elements) is
 * flattened: its text is kept in place and its name is reported, so the reader can add a note
 * to the segment saying codes were flattened. Nothing is dropped silently. XLIFF 2 `<cp hex>`
 * stands for a character XML cannot carry, and becomes that character.
 */
import { textOf, type XmlElement } from './xml-tree.js';

export interface InlineMark {
  start: number;
  end: number;
  element: XmlElement;
}

export interface InlineText {
  text: string;
  marks: InlineMark[];
  /** Names of flattened inline elements, each once, in order of appearance. */
  codes: string[];
}

export function readInline(container: XmlElement, isTermMark: (element: XmlElement) => boolean): InlineText {
  const result: InlineText = { text: '', marks: [], codes: [] };
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
      } else {
        if (!result.codes.includes(child.name)) result.codes.push(child.name);
        walk(child);
      }
    }
  };
  walk(container);
  return result;
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
