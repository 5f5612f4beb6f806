/**
 * The small pure parts behind reading other tools' XLIFF: comparing inline codes, writing
 * direction, safe output names, decoding by the XML declaration, and the reader's places.
 */
import { describe, expect, it } from 'vitest';
import { diffCodes } from '../../src/check/code-diff.js';
import { directionOf } from '../../src/render/direction.js';
import { withCodeMarkers } from '../../src/review/code-markers.js';
import { safeLanguage, safeSourceName } from '../../src/review/safe-name.js';
import type { CodeRef } from '../../src/xliff/inline-read.js';
import { readXliff } from '../../src/xliff/read.js';
import { decodeXml } from '../../src/xliff/read-file.js';

const code = (kind: string, id: string, equiv?: string): CodeRef => ({
  kind,
  id,
  offset: 0,
  ...(equiv ? { equiv } : {}),
});

describe('diffCodes', () => {
  it('finds nothing when the target has the same codes in the same order', () => {
    const codes = [code('x', '1'), code('g', '2'), code('x', '3')];
    expect(diffCodes(codes, [...codes])).toEqual({ dropped: [], added: [], renamed: [], duplicated: [] });
  });

  it('tells dropped, added, renamed (by equiv first) and duplicated codes apart', () => {
    const diff = diffCodes(
      [code('x', '1', '{{a}}'), code('x', '2', '{{b}}'), code('ph', '3'), code('bpt', '4')],
      [code('x', '9', '{{b}}'), code('x', '1', '{{a}}'), code('ph', '3'), code('ph', '3'), code('it', '5')],
    );
    expect(diff.renamed).toEqual([{ source: code('x', '2', '{{b}}'), target: code('x', '9', '{{b}}') }]);
    expect(diff.dropped).toEqual([code('bpt', '4')]);
    expect(diff.added).toEqual([code('it', '5')]);
    expect(diff.duplicated).toEqual([{ code: code('ph', '3'), source: 1, target: 2 }]);
  });

  it('reports a reordering of the shared codes only', () => {
    expect(diffCodes([code('x', '1'), code('x', '2')], [code('x', '2'), code('x', '1')]).reordered).toEqual({
      source: [code('x', '1'), code('x', '2')],
      target: [code('x', '2'), code('x', '1')],
    });
    expect(diffCodes([code('x', '1'), code('x', '2')], [code('x', '1')]).reordered).toBeUndefined();
  });
});

describe('directionOf', () => {
  it.each([
    ['ar', 'rtl'],
    ['he-IL', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ur', 'rtl'],
    ['ku-Arab', 'rtl'],
    ['ku-Latn', 'ltr'],
    ['az-Arab-IR', 'rtl'],
    ['en', 'ltr'],
    ['fr-FR', 'ltr'],
    ['', 'ltr'],
  ])('%s → %s', (lang, dir) => {
    expect(directionOf(lang)).toBe(dir);
  });
});

describe('safeSourceName', () => {
  it.each([
    ['F:\\Projets\\Site\\a.htm', 'a.htm'],
    ['..\\..\\docs\\notice.txt', 'notice.txt'],
    ['../../etc/passwd', 'passwd'],
    ['news/a:b?.txt', 'a_b_.txt'],
    ['..', 'in'],
    ['', 'in'],
    ['CON', 'in'],
    ['nul.txt', 'in'],
  ])('%j → %j', (original, name) => {
    expect(safeSourceName(original, 'dir/in.xlf')).toBe(name);
  });

  it('keeps BCP 47 tags and replaces anything else', () => {
    expect(safeLanguage('pt-BR', 'target')).toBe('pt-BR');
    expect(safeLanguage('../x', 'target')).toBe('target');
  });
});

describe('decodeXml', () => {
  it('decodes the encoding the XML declaration names', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\xe9</a>', 'latin1');
    expect(decodeXml(bytes, 'a.xlf')).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><a>café</a>');
  });

  it('refuses bytes that are not UTF-8 when nothing else is declared, naming the file', () => {
    expect(() => decodeXml(Buffer.from('<a>caf\xe9</a>', 'latin1'), 'a.xlf')).toThrow(/^a\.xlf:1/);
  });
});

describe('reading other tools’ XLIFF', () => {
  const V2 = 'xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"';

  it('scopes 2.x segment ids to their unit and inherits translate from the file', () => {
    const xml = `<xliff ${V2}><file id="f1" translate="no"><unit id="u1"><segment id="1"><source>a</source></segment></unit><unit id="u2" translate="yes"><segment id="1"><source>b <ph id="1"/></source><target>b <ph id="1"/></target></segment></unit></file></xliff>`;
    const { doc, locations } = readXliff(xml, 'a.xlf');
    expect(doc.blocks.flatMap((b) => b.segments.map((s) => s.id))).toEqual(['1', 'u2/1']);
    expect(locations.get('1')).toMatchObject({ file: 'f1', unit: 'u1', segment: '1', translate: false });
    expect(locations.get('u2/1')).toMatchObject({ unit: 'u2', translate: true, targetLang: 'fr' });
    expect(locations.get('u2/1')?.codes?.target).toEqual([{ kind: 'ph', id: '1', offset: 2 }]);
  });

  it('reads every <file> only when asked (translate keeps refusing a second one)', () => {
    const file = (id: string) =>
      `<file id="${id}"><unit id="u"><segment><source>x</source></segment></unit></file>`;
    const xml = `<xliff ${V2}>${file('a')}${file('b')}</xliff>`;
    expect(() => readXliff(xml, 'a.xlf')).toThrow(/a second <file>/);
    const { doc } = readXliff(xml, 'a.xlf', { allFiles: true });
    expect(doc.blocks.map((b) => b.id)).toEqual(['u', 'b/u']);
  });

  it('render markers surround paired codes and move term spans', () => {
    const xml = `<xliff ${V2}><file id="f"><unit id="u"><segment id="s"><source>Le <pc id="1">chat</pc><ph id="2"/> dort</source></segment></unit></file></xliff>`;
    const { doc, locations } = readXliff(xml, 'a.xlf', { allFiles: true });
    const shown = withCodeMarkers(doc, locations);
    expect(shown.blocks[0]?.segments[0]?.source).toBe('Le ⟦1⟧chat⟦/1⟧⟦2⟧ dort');
    expect(doc.blocks[0]?.segments[0]?.source).toBe('Le chat dort');
  });
});
