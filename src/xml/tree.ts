/**
 * Streaming XML reading on saxes, for every XML format we read (XLIFF, TBX, TMX). Structural
 * elements (xliff, file, body) arrive as open/close events; the reader chooses which elements
 * to capture whole (a trans-unit, a <tu>, a whole glossary), and gets each as a small tree when
 * it closes, so memory grows with one unit, not with the file.
 *
 * Safety, one policy: saxes expands no DTD-declared entities and fetches nothing, so external
 * entities (XXE) and expansion bombs have no way in. A DOCTYPE with an internal subset (where
 * entities would be declared) is refused before anything after it is read, which makes that
 * explicit and gives one clear message. An external DOCTYPE (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`)
 * is ignored, never fetched, in the formats whose tools write one (TBX 2008, TMX); XLIFF files
 * carry none, so there any DOCTYPE is refused.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { InputError, InternalError } from '../errors.js';

export interface XmlElement {
  /** Local name. */
  name: string;
  /** Namespace URI ('' for none). */
  uri: string;
  /** Attributes by local name when unqualified, by `{uri}local` when namespaced. */
  attrs: Map<string, string>;
  children: XmlNode[];
  /** 1-based position of the start tag's `<`. */
  line: number;
  column: number;
}

export type XmlNode = XmlElement | string;

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface XmlFormat {
  /** As messages name it: `XLIFF`. */
  name: string;
  /** What an external DOCTYPE (no internal subset) gets; one with an internal subset is always refused. */
  externalDoctype: 'ignore' | 'refuse';
}

export interface XmlHandlers {
  /** Called on each start tag outside a captured subtree; return true to capture the element whole. */
  open(element: XmlElement, parents: readonly XmlElement[]): boolean;
  /** A non-captured element ends. */
  close?(element: XmlElement): void;
  /** A captured element ends, with its whole subtree. */
  captured(element: XmlElement, parents: readonly XmlElement[]): void;
}

export function attrKey(local: string, uri = ''): string {
  return uri === '' ? local : `{${uri}}${local}`;
}

/** Errors name `path:line:column`, an InputError each; one thrown by a handler passes through. */
export function parseXml(xml: string, path: string, format: XmlFormat, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const lines = new LineCounter(xml);
  const parents: XmlElement[] = [];
  // The captured subtree being built: its root is captureStack[0].
  const captureStack: XmlElement[] = [];
  let start = { line: 1, column: 1 };

  // saxes counts the column of the character it just read, so it is already 1-based here.
  const fail = (message: string): never => {
    throw new InputError(`${path}:${parser.line}:${Math.max(parser.column, 1)}: ${message}`);
  };
  parser.on('error', (error) => fail(`malformed XML: ${error.message.replace(/^(?:.*?:)?\d+:\d+: /, '')}`));
  parser.on('doctype', (doctype) => {
    if (format.externalDoctype === 'refuse') {
      fail(
        `a DOCTYPE is not allowed in ${format.name} (refused: it could declare external or expanding entities)`,
      );
    }
    if (doctype.includes('['))
      fail('a DOCTYPE with an internal subset (entity declarations) is not accepted');
  });
  parser.on('opentagstart', () => {
    start = lines.at(xml.lastIndexOf('<', parser.position - 1));
  });
  parser.on('opentag', (tag) => {
    const element = toElement(tag as SaxesTagNS, start);
    const top = captureStack[captureStack.length - 1];
    if (top !== undefined) {
      top.children.push(element);
      captureStack.push(element);
    } else if (handlers.open(element, parents)) {
      captureStack.push(element);
    } else {
      parents.push(element);
    }
    if (tag.isSelfClosing) closeElement();
  });
  const closeElement = (): void => {
    const captured = captureStack.pop();
    if (captured !== undefined) {
      if (captureStack.length === 0) handlers.captured(captured, parents);
      return;
    }
    const element = parents.pop();
    if (element !== undefined) handlers.close?.(element);
  };
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) closeElement();
  });
  const onText = (text: string): void => {
    const top = captureStack[captureStack.length - 1];
    if (top === undefined) return;
    const last = top.children.length - 1;
    if (typeof top.children[last] === 'string') top.children[last] += text;
    else top.children.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.write(xml).close();
}

/** The whole document as one tree, for small files (a glossary). */
export function parseXmlTree(xml: string, path: string, format: XmlFormat): XmlElement {
  let root: XmlElement | undefined;
  parseXml(xml, path, format, {
    open: () => true,
    captured: (element) => {
      root = element;
    },
  });
  // saxes refuses a document without a root element, so this is a bug, not bad input.
  if (root === undefined) throw new InternalError(`${path}: no root element after parsing`);
  return root;
}

function toElement(tag: SaxesTagNS, at: { line: number; column: number }): XmlElement {
  const attrs = new Map<string, string>();
  for (const attr of Object.values(tag.attributes)) {
    if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
    attrs.set(attrKey(attr.local, attr.uri), attr.value);
  }
  return { name: tag.local, uri: tag.uri, attrs, children: [], line: at.line, column: at.column };
}

/** Line and column (1-based, in characters) of offsets visited in increasing order. */
class LineCounter {
  private index = 0;
  private line = 1;
  private lineStart = 0;
  constructor(private readonly text: string) {}

  at(offset: number): { line: number; column: number } {
    for (; this.index < offset; this.index++) {
      const c = this.text.charCodeAt(this.index);
      // XML 1.0 §2.11: CRLF, CR and LF each end a line.
      if (c === 10 || (c === 13 && this.text.charCodeAt(this.index + 1) !== 10)) {
        this.line++;
        this.lineStart = this.index + 1;
      }
    }
    let column = 1;
    for (let i = this.lineStart; i < offset; i++) {
      const c = this.text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) column++;
    }
    return { line: this.line, column };
  }
}

/** Text of an element and its descendants. */
export function textOf(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

export function childElements(element: XmlElement, name?: string, uri?: string): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement =>
      typeof c !== 'string' &&
      (name === undefined || c.name === name) &&
      (uri === undefined || c.uri === uri),
  );
}

/** Descendants named one of `names`, in document order, not looking inside a match. */
export function descendants(element: XmlElement, ...names: string[]): XmlElement[] {
  return childElements(element).flatMap((child) =>
    names.includes(child.name) ? [child] : descendants(child, ...names),
  );
}
