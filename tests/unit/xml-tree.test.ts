import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  attrKey,
  childElements,
  descendants,
  parseXml,
  parseXmlTree,
  textOf,
  XML_NS,
  type XmlElement,
  type XmlFormat,
} from '../../src/xml/tree.js';

const strict: XmlFormat = { name: 'XLIFF', externalDoctype: 'refuse' };
const lenient: XmlFormat = { name: 'TMX', externalDoctype: 'ignore' };

function error(run: () => unknown): string {
  try {
    run();
  } catch (caught) {
    expect(caught).toBeInstanceOf(InputError);
    return (caught as Error).message;
  }
  return 'no error';
}

describe('the DOCTYPE policy: an internal subset never, an external one where the format has it', () => {
  const external = '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx/>';
  const internal = '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY e "x">]>\n<tmx>&e;</tmx>';
  it.each<[string, XmlFormat, string, string | RegExp]>([
    ['no DOCTYPE is read', strict, '<tmx/>', 'no error'],
    ['an external DOCTYPE is ignored (TBX 2008, TMX)', lenient, external, 'no error'],
    [
      'an external DOCTYPE is refused (XLIFF)',
      strict,
      external,
      /^f:2:\d+: a DOCTYPE is not allowed in XLIFF \(refused/,
    ],
    [
      'an internal subset is refused',
      lenient,
      internal,
      /^f:2:\d+: a DOCTYPE with an internal subset \(entity declarations\) is not accepted$/,
    ],
    [
      'an internal subset is refused (XLIFF)',
      strict,
      internal,
      /^f:2:\d+: a DOCTYPE is not allowed in XLIFF/,
    ],
  ])('%s', (_rule, format, xml, expected) => {
    const message = error(() => parseXmlTree(xml, 'f', format));
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
  });
});

describe('malformed XML: an InputError naming path:line:column', () => {
  it.each([
    ['an unclosed element', '<a>\n  <b>\n</a>', /^f:3:\d+: malformed XML: /],
    ['an undeclared entity', '<a>\n&nbsp;</a>', /^f:2:\d+: malformed XML: undefined entity/],
    ['an empty document', '', /^f:1:1: malformed XML: /],
  ])('%s', (_rule, xml, expected) => {
    expect(error(() => parseXmlTree(xml, 'f', lenient))).toMatch(expected);
  });

  it('passes a handler’s own error through unchanged', () => {
    const refuse = () => {
      throw new InputError('f:1: not ours');
    };
    expect(error(() => parseXml('<a/>', 'f', lenient, { open: refuse, captured: refuse }))).toBe(
      'f:1: not ours',
    );
  });
});

describe('the element tree', () => {
  const root = parseXmlTree(
    '<r xml:lang="fr" xmlns:v="urn:v">\n  <e id="1" v:k="x">a<i>b</i><![CDATA[<c>]]></e>\n  <g><e id="2"><e id="3"/></e></g>\n</r>',
    'f',
    lenient,
  );
  const first = childElements(root, 'e')[0] as XmlElement;

  it.each<[string, unknown, unknown]>([
    ['xml:lang is keyed by the XML namespace', root.attrs.get(attrKey('lang', XML_NS)), 'fr'],
    ['a namespaced attribute by {uri}local', first.attrs.get(attrKey('k', 'urn:v')), 'x'],
    ['an unqualified attribute by its name', first.attrs.get('id'), '1'],
    ['namespace declarations are not attributes', root.attrs.size, 1],
    ['text and CDATA of the descendants, in order', textOf(first), 'ab<c>'],
    ['the start tag’s line and column', [first.line, first.column], [2, 3]],
    [
      'descendants do not look inside a match',
      descendants(root, 'e').map((e) => e.attrs.get('id')),
      ['1', '2'],
    ],
  ])('%s', (_rule, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});
