import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readXliff } from '../../src/xliff/read.js';

function readError(xml: string): InputError {
  try {
    readXliff(xml, 'in.xlf');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const V12 = 'version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"';

describe('readXliff refuses bad input with an InputError', () => {
  const dir = mkdtempSync(join(tmpdir(), 'versio-xliff-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['an unclosed element', `<xliff ${V12}>\n  <file>\n</xliff>`, /^in\.xlf:3:\d+: malformed XML/],
    [
      'an undefined entity',
      `<xliff ${V12}>&nbsp;</xliff>`,
      /^in\.xlf:1:\d+: malformed XML: undefined entity/,
    ],
    ['text after the root', `<xliff ${V12}/>\ntrailing`, /^in\.xlf:2:\d+: malformed XML/],
    ['an empty file', '', /^in\.xlf:1:1: malformed XML/],
  ])('%s', (_name, xml, message) => {
    expect(readError(xml).message).toMatch(message);
  });

  it('refuses an external entity (XXE) without reading the file it names', () => {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'TOP-SECRET-VALUE');
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://${secret}">]>\n<xliff ${V12}><file original="&xxe;" source-language="fr" datatype="plaintext"><body/></file></xliff>`;
    const error = readError(xml);
    expect(error.message).toMatch(/^in\.xlf:2:\d+: a DOCTYPE is not allowed/);
    expect(error.message).not.toContain('TOP-SECRET-VALUE');
  });

  it('refuses an entity-expansion bomb at its DOCTYPE', () => {
    const levels = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY l0 "lol">' : `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`,
    ).join('');
    const xml = `<!DOCTYPE xliff [${levels}]><xliff ${V12}>&l9;</xliff>`;
    expect(readError(xml).message).toMatch(/^in\.xlf:1:\d+: a DOCTYPE is not allowed/);
  });

  it.each([
    ['another root element', '<html/>', /root element is <html>, not <xliff>/],
    [
      'XLIFF 1.1',
      '<xliff version="1.1" xmlns="urn:oasis:names:tc:xliff:document:1.1"/>',
      /unsupported XLIFF \(version "1\.1"/,
    ],
    [
      'a 2.2 version in the 2.0 namespace',
      '<xliff version="2.2" srcLang="fr" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>',
      /unsupported XLIFF/,
    ],
    [
      'a 1.2 version in the 2.0 namespace',
      '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>',
      /unsupported XLIFF/,
    ],
    ['no <file>', `<xliff ${V12}/>`, /^in\.xlf: no <file> element/],
  ])('refuses %s', (_name, xml, message) => {
    expect(readError(xml).message).toMatch(message);
  });

  it('refuses two files in one XLIFF', () => {
    const file = '<file original="a" source-language="fr" datatype="plaintext"><body/></file>';
    expect(readError(`<xliff ${V12}>\n${file}\n${file}</xliff>`).message).toMatch(
      /^in\.xlf:3:1: a second <file>/,
    );
  });

  it('refuses a segment id used twice, naming both places', () => {
    const unit = '<trans-unit id="a"><source>x</source></trans-unit>';
    const xml = `<xliff ${V12}><file original="a" source-language="fr" datatype="plaintext"><body>\n${unit}\n${unit}</body></file></xliff>`;
    expect(readError(xml).message).toBe(
      'in.xlf:3:1: segment id "a" is used twice (first at line 2, column 1)',
    );
  });

  it('refuses a trans-unit without source', () => {
    const xml = `<xliff ${V12}><file original="a" source-language="fr" datatype="plaintext"><body><trans-unit id="a"/></body></file></xliff>`;
    expect(readError(xml).message).toMatch(/trans-unit "a" has no <source>/);
  });

  it('refuses a skeleton that is not Versio’s layout JSON', () => {
    const xml = `<xliff ${V12}><file original="a" source-language="fr" datatype="plaintext"><header><skl><internal-file form="application/json">{"format":"other"}</internal-file></skl></header><body/></file></xliff>`;
    expect(readError(xml).message).toMatch(/skeleton is not a versio-layout\/1 layout/);
  });
});
