/**
 * A small element tree from saxes, for reading TBX. No DTD is processed: a DOCTYPE with an internal
 * subset (where entities would be declared: XXE, billion laughs) is refused; an external DOCTYPE, as
 * TBX 2008 files carry (`<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`), is ignored, never fetched.
 */
import { SaxesParser } from 'saxes';
import { InputError } from '../errors.js';

export interface XmlElement {
  /** Local name (no prefix). */
  name: string;
  uri: string;
  /** Attributes by qualified name (`xml:lang`, `type`). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text content of the element and its descendants, in order. */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

export function parseXml(xml: string, path: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('doctype', (doctype) => {
    if (doctype.includes('[')) {
      throw new InputError(
        `${path}:${parser.line}: DOCTYPE with an internal subset refused (entity declarations are not processed)`,
      );
    }
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.name] = a.value;
    const el: XmlElement = {
      name: tag.local,
      uri: tag.uri,
      attrs,
      children: [],
      text: '',
      line: parser.line,
    };
    stack.at(-1)?.children.push(el);
    stack.push(el);
    root ??= el;
  });
  const addText = (text: string) => {
    for (const el of stack) el.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof InputError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // saxes prefixes "line:column: ".
    const [, line, rest] = /^(?:[^:]*:)?(\d+):\d+: (.*)$/s.exec(message) ?? [
      undefined,
      String(parser.line),
      message,
    ];
    throw new InputError(`${path}:${line}: malformed XML: ${rest}`, { cause: error });
  }
  if (!root) throw new InputError(`${path}:1: not an XML document`);
  return root;
}

export function childrenNamed(el: XmlElement, ...names: string[]): XmlElement[] {
  return el.children.filter((c) => names.includes(c.name));
}

/** Descendants with one of `names`, not looking inside a match. */
export function findAll(el: XmlElement, ...names: string[]): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of el.children) {
    if (names.includes(child.name)) found.push(child);
    else found.push(...findAll(child, ...names));
  }
  return found;
}
