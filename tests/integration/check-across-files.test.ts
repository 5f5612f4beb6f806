/** `versio check a.xlf b.xlf`: the same source translated differently in two files is reported once. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import type { Document } from '../../src/document.js';
import { writeXliff12 } from '../../src/xliff/write12.js';

const dir = mkdtempSync(join(tmpdir(), 'versio-check-across-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function xliff(name: string, pairs: [string, string][]): string {
  const doc: Document = {
    path: `${name}.fr.txt`,
    sourceLang: 'fr',
    targetLang: 'en',
    before: '',
    eol: '\n',
    bom: false,
    blocks: pairs.map(([source, target], i) => ({
      id: `p${i + 1}`,
      kind: 'paragraph',
      after: '\n\n',
      segments: [
        { id: `p${i + 1}.s1`, source, target, after: '', spans: [], state: 'translated', notes: [] },
      ],
    })),
  };
  const file = `${name}.xlf`;
  writeFileSync(join(dir, file), writeXliff12(doc));
  return file;
}

describe('inconsistency across the files of a run', () => {
  it('reports the later file’s unit, naming the other file and unit', async () => {
    const a = xliff('a', [['Le gouvernement a démissionné.', 'The government resigned.']]);
    const b = xliff('b', [
      ['Les négociations reprendront lundi.', 'Talks will resume on Monday.'],
      ['Le gouvernement a démissionné.', 'The government has stepped down.'],
    ]);
    const { report } = await runCheck([a, b], { cwd: dir, glossary: false, failOn: 'warning' });
    const found = report.findings.filter((f) => f.check === 'inconsistency');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'b.xlf', unit: 'p2.s1', severity: 'warning' });
    expect(found[0]?.message).toContain('a.xlf#p1.s1');
    expect(found[0]?.message).toContain('"The government resigned."');
  });

  it('says nothing when the files agree, and nothing twice for a pair inside one file', async () => {
    const a = xliff('c', [['Le gouvernement a démissionné.', 'The government resigned.']]);
    const b = xliff('d', [
      ['Le gouvernement a démissionné.', 'The government resigned.'],
      ['Le gouvernement a démissionné.', 'The government quit.'],
    ]);
    const { report } = await runCheck([a, b], { cwd: dir, glossary: false, failOn: 'warning' });
    const found = report.findings.filter((f) => f.check === 'inconsistency');
    // d.xlf p2.s1 disagrees with d.xlf p1.s1 (reported by the file's own check) and with c.xlf p1.s1
    // only through the same target, so once in all.
    expect(found.map((f) => `${f.file}#${f.unit}`)).toEqual(['d.xlf#p2.s1']);
  });
});
