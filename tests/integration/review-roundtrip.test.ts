import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Document, segmentsOf } from '../../src/document.js';
import { readXliff } from '../../src/xliff/read.js';
import { writeXliff2 } from '../../src/xliff/write2.js';
import { repoRoot, runMain, seedArticle, tempDir } from '../support/cli.js';

const reviewed = {
  'p4.s2': 'The terrorists’ logistical supply line has also been cut.',
  'p1.s1': 'World',
};

/** Edits a 1.2 target as a CAT tool does: new text, state final, approved. */
function review12(xml: string, id: string, text: string): string {
  const unit = new RegExp(
    `(<trans-unit id="${id.replace('.', '\\.')}")([^>]*>[\\s\\S]*?)<target[^>]*>[\\s\\S]*?</target>`,
  );
  expect(unit.test(xml), id).toBe(true);
  return xml.replace(unit, `$1 approved="yes"$2<target state="final">${text}</target>`);
}

const targets = (doc: Document) => new Map(segmentsOf(doc).map((s) => [s.id, s.target]));

describe.each(['xliff12', 'xliff2'] as const)('review round trip (%s)', (format) => {
  const dir = tempDir();
  const out = join(dir.path, 'translations');
  const xliff = join(out, 'palmyre.en.xlf');
  const translate = () =>
    runMain(['translate', 'source/palmyre.fr.txt', '--provider', 'apertium', '--format', format, '--quiet'], {
      cwd: dir.path,
    });
  let machine: Document;

  beforeAll(async () => {
    mkdirSync(join(dir.path, 'source'));
    mkdirSync(join(dir.path, 'glossary'));
    copyFileSync(seedArticle, join(dir.path, 'source/palmyre.fr.txt'));
    copyFileSync(
      join(repoRoot, 'glossary/versio.glossary.yaml'),
      join(dir.path, 'glossary/versio.glossary.yaml'),
    );
    expect((await translate()).code).toBe(0);
    machine = readXliff(readFileSync(xliff, 'utf8'), xliff).doc;
    // A reviewer edits two targets and marks them final.
    if (format === 'xliff12') {
      let xml = readFileSync(xliff, 'utf8');
      for (const [id, text] of Object.entries(reviewed)) xml = review12(xml, id, text);
      writeFileSync(xliff, xml);
    } else {
      const doc = readXliff(readFileSync(xliff, 'utf8'), xliff).doc;
      for (const s of segmentsOf(doc)) {
        const text = reviewed[s.id as keyof typeof reviewed];
        if (text) Object.assign(s, { target: text, state: 'final', targetSpans: [] });
      }
      writeFileSync(xliff, writeXliff2(doc));
    }
  });
  afterAll(() => dir.cleanup());

  it('renders exactly the reviewed English', async () => {
    const result = await runMain(['render', xliff, '--out', join(dir.path, 'rendered'), '--format', 'txt'], {
      cwd: dir.path,
    });
    expect(result.code).toBe(0);
    const english = readFileSync(join(dir.path, 'rendered/palmyre.en.txt'), 'utf8');
    const expected = segmentsOf(machine).map((s) => reviewed[s.id as keyof typeof reviewed] ?? s.target);
    const paragraphs = english.split(/\n+/).filter((l) => l !== '');
    expect(paragraphs[0]).toBe('World');
    for (const text of expected) expect(english).toContain(text);
  });

  it('keeps the reviewed targets and changes only the edited sentence on a rerun', async () => {
    const source = join(dir.path, 'source/palmyre.fr.txt');
    writeFileSync(source, readFileSync(source, 'utf8').replace('plus de 70 drones', 'plus de 80 drones'));
    expect((await translate()).code).toBe(0);
    const after = readXliff(readFileSync(xliff, 'utf8'), xliff).doc;
    const before = targets(machine);
    const changed = segmentsOf(after)
      .filter((s) => s.target !== (reviewed[s.id as keyof typeof reviewed] ?? before.get(s.id)))
      .map((s) => s.id);
    expect(changed).toEqual(['p9.s1']);
    expect(segmentsOf(after).find((s) => s.id === 'p9.s1')?.target).toContain('80 drones');
    for (const [id, text] of Object.entries(reviewed)) {
      expect(segmentsOf(after).find((s) => s.id === id)).toMatchObject({ target: text, state: 'final' });
    }
  });
});
