import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  escapeXmlAttr,
  escapeXmlText,
  nonXmlChar,
  withoutNonXmlChars,
} from '../../src/xml/escape.js';

const lone = '\uD800';
const pair = '\u{1F600}';

describe('escapeXmlText / escapeXmlAttr / escapeHtml: each context escapes what it needs', () => {
  it.each<[string, string, string, string, string]>([
    // rule, input, XML text, XML attribute, HTML
    [
      'markup characters in every context',
      'a & b < c > d',
      'a &amp; b &lt; c &gt; d',
      'a &amp; b &lt; c &gt; d',
      'a &amp; b &lt; c &gt; d',
    ],
    ['`]]>` cannot appear', ']]>', ']]&gt;', ']]&gt;', ']]&gt;'],
    ['an entity is not taken as already escaped', '&amp;', '&amp;amp;', '&amp;amp;', '&amp;amp;'],
    [
      'double quote: attributes and HTML only',
      'say "hi"',
      'say "hi"',
      'say &quot;hi&quot;',
      'say &quot;hi&quot;',
    ],
    ['apostrophe: HTML only (XML attributes are double-quoted)', "l'État", "l'État", "l'État", 'l&#39;État'],
    [
      'CR survives XML reading as a reference (§2.11)',
      'a\rb\r\nc',
      'a&#13;b&#13;\nc',
      'a&#13;b&#13;&#10;c',
      'a\rb\r\nc',
    ],
    ['tab and LF survive attribute normalisation (§3.3.3)', 'a\tb\nc', 'a\tb\nc', 'a&#9;b&#10;c', 'a\tb\nc'],
    [
      'other text unchanged',
      `Palmyre — ${pair}`,
      `Palmyre — ${pair}`,
      `Palmyre — ${pair}`,
      `Palmyre — ${pair}`,
    ],
  ])('%s', (_rule, input, text, attr, html) => {
    expect(escapeXmlText(input)).toBe(text);
    expect(escapeXmlAttr(input)).toBe(attr);
    expect(escapeHtml(input)).toBe(html);
  });
});

describe('nonXmlChar / withoutNonXmlChars: XML 1.0 §2.2 Char', () => {
  it.each<[string, string, string | undefined, string]>([
    ['tab, LF, CR are allowed', 'a\tb\nc\rd', undefined, 'a\tb\nc\rd'],
    ['a C0 control is not', 'a\u0007b', 'U+0007', 'ab'],
    ['NUL is not', '\u0000x', 'U+0000', 'x'],
    ['U+FFFE and U+FFFF are not', 'a\uFFFEb\uFFFF', 'U+FFFE', 'ab'],
    ['a surrogate pair is one allowed character', `a${pair}`, undefined, `a${pair}`],
    ['a lone surrogate is not', `a${lone}b`, 'U+D800', 'ab'],
    ['the first one is named', 'x\u0001\u0002', 'U+0001', 'x'],
  ])('%s', (_rule, input, first, kept) => {
    expect(nonXmlChar(input)).toBe(first);
    expect(withoutNonXmlChars(input)).toBe(kept);
  });
});
