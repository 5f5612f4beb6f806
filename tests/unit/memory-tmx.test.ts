import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, OutputError } from '../../src/errors.js';
import { importedRecords } from '../../src/memory/import.js';
import type { MemoryRecord } from '../../src/memory/record.js';
import { fromTmx, toTmx } from '../../src/memory/tmx.js';
import { decodeTmx } from '../../src/memory/tmx-file.js';
import { defined } from '../support/defined.js';

const fixtures = join(import.meta.dirname, '../fixtures/tmx');
const options = { sourceLang: 'fr', creationTool: 'versio', creationToolVersion: '0.1.0' };

function record(overrides: Partial<MemoryRecord> = {}): MemoryRecord {
  return {
    key: 'k1',
    source: 'Le site antique de Palmyre.',
    target: 'The ancient site of Palmyra.',
    provider: 'apertium',
    sourceLang: 'fr',
    targetLang: 'en',
    createdAt: '2024-03-15T10:15:00.000Z',
    ...overrides,
  };
}

describe('toTmx', () => {
  it('writes the TMX 1.4b header with every required attribute', () => {
    const xml = toTmx([], options);
    expect(xml).toContain('<tmx version="1.4">');
    for (const attribute of [
      'creationtool="versio"',
      'creationtoolversion="0.1.0"',
      'segtype="sentence"',
      'o-tmf=',
      'adminlang=',
      'srclang="fr"',
      'datatype="plaintext"',
    ]) {
      expect(xml).toContain(attribute);
    }
  });

  it('writes one <tu> per key, the latest record winning', () => {
    const xml = toTmx(
      [record({ key: 'a', target: 'old' }), record({ key: 'b' }), record({ key: 'a', target: 'new' })],
      options,
    );
    const { units } = fromTmx(xml, 'out.tmx');
    expect(units.map((u) => [u.props['x-versio-key'], u.target])).toEqual([
      ['b', 'The ancient site of Palmyra.'],
      ['a', 'new'],
    ]);
  });

  it('carries provider, key and creation date', () => {
    const [unit] = fromTmx(toTmx([record()], options), 'out.tmx').units;
    expect(unit).toMatchObject({
      props: { 'x-versio-key': 'k1', 'x-versio-provider': 'apertium' },
      sourceLang: 'fr',
      lang: 'en',
      createdAt: '2024-03-15T10:15:00.000Z',
    });
    expect(toTmx([record()], options)).toContain('creationdate="20240315T101500Z"');
  });

  it('escapes markup characters so the text comes back unchanged', () => {
    const source = 'A & B <b>bold</b> ]]> "quoted" \'single\'\r\nnext';
    const xml = toTmx([record({ source })], options);
    expect(xml).not.toContain(']]>');
    expect(fromTmx(xml, 'out.tmx').units[0]?.source).toBe(source);
  });

  it('marks a record in another source language with srclang on its <tu>', () => {
    const xml = toTmx([record({ sourceLang: 'de' })], options);
    expect(xml).toContain('<tu srclang="de"');
    expect(fromTmx(xml, 'out.tmx').units[0]?.sourceLang).toBe('de');
  });

  it('refuses text XML cannot represent, naming the record', () => {
    expect(() => toTmx([record({ key: 'bad', source: 'bell \u0007' })], options)).toThrow(OutputError);
    expect(() => toTmx([record({ key: 'bad', source: 'bell \u0007' })], options)).toThrow(
      /record bad .* U\+0007/,
    );
  });

  it('round-trips any text XML can carry', () => {
    // XML 1.0 Char production (§2.2), minus lone surrogates.
    const xmlChar = fc
      .string({ unit: 'grapheme', maxLength: 40 })
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing what XML cannot carry.
      .map((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
    fc.assert(
      fc.property(xmlChar, xmlChar, (source, target) => {
        const [unit] = fromTmx(toTmx([record({ source, target })], options), 'out.tmx').units;
        expect(unit?.source).toBe(source);
        expect(unit?.target).toBe(target);
      }),
    );
  });
});

describe('fromTmx', () => {
  const otherTool = readFileSync(join(fixtures, 'other-tool.tmx'), 'utf8');

  it('reads a file from another tool: DOCTYPE with an external id, tag case, inline codes, multilingual <tu>', () => {
    const { sourceLang, units } = fromTmx(otherTool, 'other-tool.tmx');
    expect(sourceLang).toBe('FR-FR');
    expect(units.map((u) => [u.sourceLang, u.lang, u.source, u.target])).toEqual([
      ['FR-FR', 'EN-GB', "L'armée syrienne a repris Palmyre.", 'The Syrian army has retaken Palmyra.'],
      ['FR-FR', 'EN-GB', 'Le site antique & le musée.', 'The ancient site & the museum.'],
      ['FR-FR', 'DE-DE', 'Le site antique & le musée.', 'Die antike Stätte und das Museum.'],
      ['EN-GB', 'FR-FR', 'Fish & chips', 'Poisson-frites'],
    ]);
    expect(units[0]?.props).toEqual({ 'x-domain': 'news' });
    expect(units[0]?.createdAt).toBe('2024-03-15T10:15:00.000Z');
  });

  it('reads the same file in UTF-16 with a byte order mark', () => {
    const bytes = readFileSync(join(fixtures, 'other-tool-utf16.tmx'));
    expect(fromTmx(decodeTmx(bytes, 'other-tool-utf16.tmx'), 'x').units).toEqual(
      fromTmx(otherTool, 'x').units,
    );
  });

  it('refuses a DOCTYPE with an internal subset, naming file and line', () => {
    const xml = readFileSync(join(fixtures, 'entity-expansion.tmx'), 'utf8');
    expect(() => fromTmx(xml, 'entity-expansion.tmx')).toThrow(InputError);
    expect(() => fromTmx(xml, 'entity-expansion.tmx')).toThrow(
      /^entity-expansion\.tmx:6:\d+: a DOCTYPE with an internal subset/,
    );
  });

  it('refuses XML that is not well-formed, naming file and line', () => {
    const xml = readFileSync(join(fixtures, 'not-well-formed.tmx'), 'utf8');
    expect(() => fromTmx(xml, 'not-well-formed.tmx')).toThrow(InputError);
    expect(() => fromTmx(xml, 'not-well-formed.tmx')).toThrow(/^not-well-formed\.tmx:5:\d+: /);
  });

  it.each([
    [
      'another root element',
      '<xliff version="1.2"/>',
      /x\.tmx:1: not a TMX file: the root element is <xliff>/,
    ],
    ['an empty file', '', /x\.tmx:1: empty file/],
    [
      'a header without srclang',
      '<tmx version="1.4"><header creationtool="x"/><body/></tmx>',
      /x\.tmx:1: <header> has no srclang/,
    ],
    [
      'a <tu> without its source language',
      '<tmx version="1.4"><header srclang="fr"/><body>\n<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="de"><seg>b</seg></tuv></tu></body></tmx>',
      /x\.tmx:2: <tu> has no <tuv> in the source language fr/,
    ],
  ])('refuses %s', (_name, xml, message) => {
    expect(() => fromTmx(xml, 'x.tmx')).toThrow(message);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => decodeTmx(Uint8Array.from([0x3c, 0xe9, 0x3e]), 'latin1.tmx')).toThrow(
      /latin1\.tmx: not valid UTF-8/,
    );
  });
});

describe('importedRecords', () => {
  const units = fromTmx(readFileSync(join(fixtures, 'other-tool.tmx'), 'utf8'), 'other-tool.tmx').units;
  const now = new Date('2025-01-01T00:00:00.000Z');

  it('stores units apart from engine output, labelled tmx or tmx:<engine>', () => {
    expect(importedRecords(units, { now }).map((r) => r.provider)).toEqual(['tmx', 'tmx', 'tmx', 'tmx']);
    expect(importedRecords(units, { provider: 'deepl', now })[0]?.provider).toBe('tmx:deepl');
    const reimported = { ...defined(units[0], 'a unit'), props: { 'x-versio-provider': 'tmx:apertium' } };
    expect(importedRecords([reimported], { now })[0]?.provider).toBe('tmx:apertium');
  });

  it('gives distinct units distinct keys, and the same unit the same key', () => {
    const keys = importedRecords(units, { now }).map((r) => r.key);
    expect(new Set(keys).size).toBe(units.length);
    expect(importedRecords(units, { now: new Date() }).map((r) => r.key)).toEqual(keys);
  });

  it('keeps the unit date, or stamps the import time', () => {
    const [dated, undated] = importedRecords(units, { now });
    expect(dated?.createdAt).toBe('2024-03-15T10:15:00.000Z');
    expect(undated?.createdAt).toBe(now.toISOString());
  });
});
