import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/document.js';
import { readXliff } from '../../src/xliff/read.js';
import { writeXliff2 } from '../../src/xliff/write2.js';
import { writeXliff12 } from '../../src/xliff/write12.js';
import { sampleDocument } from '../fixtures/xliff/sample-document.js';
import { smallDocument } from '../fixtures/xliff/small-document.js';
import { SCHEMAS, xmllint } from '../support/xmllint.js';

const dir = mkdtempSync(join(tmpdir(), 'versio-xliff-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validate(schema: string, name: string, xml: string) {
  const file = join(dir, name);
  writeFileSync(file, xml);
  return xmllint(schema, file);
}

function untranslated(): Document {
  const doc = sampleDocument();
  doc.targetLang = '';
  for (const block of doc.blocks) {
    for (const s of block.segments) {
      Object.assign(s, { state: 'initial', notes: [], spans: [] });
      delete s.target;
      delete s.targetSpans;
      delete s.provenance;
    }
  }
  return doc;
}

const docs = { sample: sampleDocument, small: smallDocument, untranslated } as const;

describe.each(Object.entries(docs))('the %s document', (name, make) => {
  it('validates as XLIFF 1.2 strict', () => {
    expect(
      validate(SCHEMAS.xliff12Strict, `${name}-12.xlf`, writeXliff12(make(), { toolVersion: '1.0.0' })),
    ).toEqual({
      ok: true,
      errors: [],
    });
  });

  it('validates as XLIFF 2.1 with its modules', () => {
    expect(validate(SCHEMAS.xliff21, `${name}-21.xlf`, writeXliff2(make()))).toEqual({
      ok: true,
      errors: [],
    });
  });

  it('validates as XLIFF 2.0 with its modules when labelled 2.0, and reads as 2.0', () => {
    const xml = writeXliff2(make()).replace('version="2.1"', 'version="2.0"');
    expect(validate(SCHEMAS.xliff20, `${name}-20.xlf`, xml)).toEqual({ ok: true, errors: [] });
    const read = readXliff(xml, `${name}-20.xlf`);
    expect(read.version).toBe('2.0');
    expect(read.doc).toEqual(make());
  });
});

describe('the schemas catch what they should (so a pass above means something)', () => {
  it('refuses a foreign attribute in XLIFF 1.2 strict', () => {
    const xml = writeXliff12(smallDocument()).replace(
      '<xliff version="1.2"',
      '<xliff xmlns:v="urn:x-versio:xliff:1" v:eol="lf" version="1.2"',
    );
    const result = validate(SCHEMAS.xliff12Strict, 'foreign-attr-12.xlf', xml);
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toContain('No matching global attribute declaration');
  });

  it('refuses an id on <mrk> in XLIFF 1.2 strict', () => {
    const xml = writeXliff12(smallDocument()).replace('<mrk mtype="term"', '<mrk id="m1" mtype="term"');
    expect(validate(SCHEMAS.xliff12Strict, 'mrk-id-12.xlf', xml).ok).toBe(false);
  });

  it('refuses a glossary entry without its term in XLIFF 2.1', () => {
    const xml = writeXliff2(smallDocument()).replace('<gls:term>Palmyre</gls:term>', '');
    expect(validate(SCHEMAS.xliff21, 'no-term-21.xlf', xml).ok).toBe(false);
  });
});
