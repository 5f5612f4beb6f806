/**
 * Versio's XLIFF 1.2 through real CAT tools and back: translate-toolkit (pocount, xliff2po,
 * pomerge, po2xliff) and OmegaT 3.6 in console mode. What each tool changes is written down in
 * tests/fixtures/interop/README.md; these tests pin it and check that no reviewed target is lost.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Document, type Segment, segmentsOf } from '../../src/document.js';
import { InputError } from '../../src/errors.js';
import { parseArticle } from '../../src/read/article.js';
import { renderArticle } from '../../src/render/article.js';
import { toResources } from '../../src/render/resources.js';
import { readXliff } from '../../src/xliff/read.js';
import { writeXliff12 } from '../../src/xliff/write12.js';
import { runMain } from '../support/cli.js';
import { defined } from '../support/defined.js';

const run = promisify(execFile);
const FIXTURES = 'tests/fixtures/interop';
const SEED = 'source/palmyre.fr.txt';
/** A reviewer's wording, with the characters XML and PO both escape. */
const REVIEWED = 'The terrorists\' supply lines & "logistics" were <also> cut.';
const EDITED_ID = 'p4.s2';
const NO_TARGET_ID = 'p10.s1';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'versio-interop-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * The seed article as `versio translate` leaves it: deterministic English-looking targets,
 * every third segment reviewed, one glossary term marked, and the last segment untranslated.
 */
async function seedDocument(): Promise<Document> {
  const doc = parseArticle(await readFile(SEED, 'utf8'), SEED);
  segmentsOf(doc).forEach((s, index) => {
    if (s.id === NO_TARGET_ID) return;
    s.target = `EN ${s.id}: ${s.source}`;
    s.state = index % 3 === 2 ? 'reviewed' : 'translated';
    s.provenance = { engine: 'pseudo' };
  });
  const headline = segment(doc, 'p2.s1');
  const at = headline.source.indexOf('Etat islamique');
  headline.spans = [
    { start: at, end: at + 14, entryId: 'islamic-state', target: 'Islamic State', policy: 'protect' },
  ];
  return doc;
}

function segment(doc: Document, id: string): Segment {
  const found = segmentsOf(doc).find((s) => s.id === id);
  if (!found) throw new Error(`no segment ${id}`);
  return found;
}

async function writeSeed(name: string): Promise<{ doc: Document; path: string }> {
  const doc = await seedDocument();
  const path = join(dir, name);
  await writeFile(path, writeXliff12(doc));
  return { doc, path };
}

async function readBack(path: string): Promise<Document> {
  return readXliff(await readFile(path, 'utf8'), path).doc;
}

/** Runs one of our commands in-process, as `versio <args>` would. */
const cli = (args: string[]) => runMain(args, { env: { NO_COLOR: '1' } });

/** Every target of `before` is in `after`, except the ids listed. */
function expectTargetsKept(before: Document, after: Document, except: readonly string[]): void {
  for (const s of segmentsOf(before)) {
    if (except.includes(s.id) || s.target === undefined) continue;
    expect(segment(after, s.id).target, `target of ${s.id}`).toBe(s.target);
  }
}

describe('translate-toolkit', () => {
  it('pocount reads our XLIFF 1.2: 14 units, approved ones counted as translated, MT as fuzzy', async () => {
    const { doc, path } = await writeSeed('pocount.en.xlf');
    const { stdout } = await run('pocount', ['--csv', path]);
    const row = (stdout.trim().split('\n').at(-1) ?? '').split(',').map((v) => v.trim());
    // --csv columns: file, translated msgs, words, target words, fuzzy msgs, words, untranslated msgs, words, total msgs, ...
    const [, translated, , , fuzzy, , untranslated, , total] = row.map(Number);
    const states = segmentsOf(doc).map((s) => s.state);
    expect(total).toBe(14);
    expect(total).toBe(segmentsOf(doc).length);
    expect(translated).toBe(states.filter((s) => s === 'reviewed').length);
    expect(fuzzy).toBe(states.filter((s) => s === 'translated').length);
    expect(untranslated).toBe(1);
  });

  describe('xliff2po → a reviewer edits the PO → back to XLIFF', () => {
    let original: { doc: Document; path: string };
    let edited: string;

    beforeAll(async () => {
      original = await writeSeed('po.en.xlf');
      const po = join(dir, 'po.po');
      await run('xliff2po', ['-i', original.path, '-o', po]);
      edited = join(dir, 'po.edited.po');
      await writeFile(edited, reviewPoEntry(await readFile(po, 'utf8'), EDITED_ID, REVIEWED));
    });

    it('pomerge into the original keeps our file whole: the edit is there, reviewed, and every other target kept', async () => {
      const merged = join(dir, 'po.merged.xlf');
      await run('pomerge', ['-t', original.path, '-i', edited, '-o', merged]);
      const doc = await readBack(merged);
      expect(segmentsOf(doc).map((s) => s.id)).toEqual(segmentsOf(original.doc).map((s) => s.id));
      expect(segment(doc, EDITED_ID).target).toBe(REVIEWED);
      // pomerge sets approved="yes" on the unit a reviewer un-fuzzied.
      expect(segment(doc, EDITED_ID).state).toBe('reviewed');
      expectTargetsKept(original.doc, doc, [EDITED_ID]);
      for (const s of segmentsOf(original.doc).filter((x) => x.state === 'reviewed')) {
        expect(segment(doc, s.id).state, `state of ${s.id}`).toBe('reviewed');
      }
      // Fuzzy (machine) units come back as state="needs-translation": never promoted to reviewed.
      for (const s of segmentsOf(original.doc).filter(
        (x) => x.state === 'translated' && x.id !== EDITED_ID,
      )) {
        expect(['reviewed', 'final'], `state of ${s.id}`).not.toContain(segment(doc, s.id).state);
      }
      // The layout survives in the skeleton, so blocks and kinds are recovered.
      expect(doc.blocks.map((b) => [b.id, b.kind])).toEqual(original.doc.blocks.map((b) => [b.id, b.kind]));
    });

    it('versio render rebuilds the article from the merged file, warning about the unit without target', async () => {
      const merged = join(dir, 'po.merged.xlf');
      const out = join(dir, 'po-render');
      const result = await cli(['render', merged, '--out', out, '--format', 'txt']);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(
        `versio: warning: ${merged}: segment ${NO_TARGET_ID} has no target; its source is rendered\n`,
      );
      const txt = await readFile(join(out, 'palmyre.en.txt'), 'utf8');
      expect(txt).toContain(REVIEWED);
      expect(txt).toContain(segment(original.doc, 'p3.s1').target);
      expect(txt).toContain(segment(original.doc, NO_TARGET_ID).source);
    });

    it('versio diff shows the reviewer’s change and nothing is lost', async () => {
      const merged = join(dir, 'po.merged.xlf');
      const { code, stdout } = await cli(['diff', original.path, merged, '--json']);
      expect(code).toBe(0);
      const report = JSON.parse(stdout);
      const change = report.changes.find((c: { id: string }) => c.id === EDITED_ID);
      expect(change.before.target).toBe(segment(original.doc, EDITED_ID).target);
      expect(change.after).toMatchObject({ target: REVIEWED, state: 'reviewed' });
      expect(report.summary.removed).toBe(0);
      expect(report.changes.filter((c: { fields: string[] }) => c.fields.includes('target'))).toHaveLength(1);
    });

    it('po2xliff with the original as template appends a second <file>: the reader refuses it rather than lose the edit', async () => {
      const back = join(dir, 'po.po2xliff.xlf');
      await run('po2xliff', ['-t', original.path, '-i', edited, '-o', back]);
      const xml = await readFile(back, 'utf8');
      // translate-toolkit 3.8 keeps the template untouched and adds the PO units in a new <file>.
      expect(xml.match(/<file /g)).toHaveLength(2);
      expect(() => readXliff(xml, back)).toThrow(InputError);
      expect(() => readXliff(xml, back)).toThrow(new RegExp(`^${escapeRegExp(back)}:\\d+:\\d+: `));
    });

    it('po2xliff without a template writes XLIFF 1.1, which the reader refuses with one clear line', async () => {
      const back = join(dir, 'po.plain.xlf');
      await run('po2xliff', ['-i', edited, '-o', back]);
      const xml = await readFile(back, 'utf8');
      expect(xml).toContain('version="1.1"');
      expect(() => readXliff(xml, back)).toThrow(/Versio reads 1\.2, 2\.0, 2\.1 and 2\.2/);
    });
  });
});

describe('OmegaT 3.6 console mode', () => {
  const OMEGAT_JAR = '/usr/share/omegat/OmegaT.jar';
  let original: { doc: Document; path: string };
  let project: string;
  let written: Document;

  beforeAll(async () => {
    original = await writeSeed('palmyre.en.xlf');
    project = join(dir, 'omegat-project');
    for (const sub of ['source', 'target', 'tm', 'glossary', 'dictionary', 'omegat', 'home']) {
      await mkdir(join(project, sub), { recursive: true });
    }
    await copyFile(join(FIXTURES, 'omegat.project'), join(project, 'omegat.project'));
    await copyFile(original.path, join(project, 'source', 'palmyre.en.xlf'));
    // What OmegaT saves when a reviewer edits a segment: its project memory. OmegaT 3.6's XLIFF
    // filter works on the existing <target> text (see the fixtures README), so that is the TU source.
    const edited = defined(segment(original.doc, EDITED_ID).target, `the target of ${EDITED_ID}`);
    await writeFile(join(project, 'omegat', 'project_save.tmx'), projectMemory([[edited, REVIEWED]]));
    await run(
      'java',
      [
        '-Djava.awt.headless=true',
        `-Duser.home=${join(project, 'home')}`,
        '-jar',
        OMEGAT_JAR,
        project,
        '--mode=console-translate',
      ],
      { timeout: 120_000 },
    );
    written = await readBack(join(project, 'target', 'palmyre.en.xlf'));
  }, 180_000);

  it('writes target/<file>.xlf with the same units and ids', () => {
    expect(segmentsOf(written).map((s) => s.id)).toEqual(segmentsOf(original.doc).map((s) => s.id));
    expect(segmentsOf(written).map((s) => s.source)).toEqual(segmentsOf(original.doc).map((s) => s.source));
  });

  it('puts the reviewer’s translation from the project memory into the target and keeps every other target', () => {
    expect(segment(written, EDITED_ID).target).toBe(REVIEWED);
    expectTargetsKept(original.doc, written, [EDITED_ID]);
  });

  it('keeps states as they were (it writes no state of its own), and the unit without target stays without', () => {
    for (const s of segmentsOf(original.doc)) expect(segment(written, s.id).state, s.id).toBe(s.state);
    expect(segment(written, NO_TARGET_ID).target ?? '').toBe('');
  });

  it('keeps the Versio layout and term marks, so versio render rebuilds the article from its file', async () => {
    expect(written.blocks.map((b) => [b.id, b.kind, b.after])).toEqual(
      original.doc.blocks.map((b) => [b.id, b.kind, b.after]),
    );
    expect(segment(written, 'p2.s1').spans.map((s) => s.entryId)).toEqual(['islamic-state']);
    const out = join(dir, 'omegat-render');
    const result = await cli(['render', join(project, 'target', 'palmyre.en.xlf'), '--out', out]);
    expect(result.code).toBe(0);
    const txt = await readFile(join(out, 'palmyre.en.txt'), 'utf8');
    // The same article as rendered from the document we wrote, with the reviewer's edit in it.
    const expected = await seedDocument();
    segment(expected, EDITED_ID).target = REVIEWED;
    expect(txt).toBe(renderArticle(expected, toResources(expected)).txt);
    const page = await readFile(join(out, 'palmyre.review.html'), 'utf8');
    expect(page).toContain('were &lt;also&gt; cut.');
  });
});

/** Un-fuzzies the PO entry referencing `id` and replaces its msgstr, as a reviewer in a PO editor does. */
function reviewPoEntry(po: string, id: string, msgstr: string): string {
  const entries = po.split(/\n\n/);
  const index = entries.findIndex((e) => e.split('\n').some((line) => line === `#: ${id}`));
  expect(index, `PO entry for ${id}`).toBeGreaterThan(-1);
  const lines = defined(entries[index], `the PO entry for ${id}`)
    .split('\n')
    .filter((line) => line !== '#, fuzzy');
  const start = lines.findIndex((line) => line.startsWith('msgstr '));
  const quoted = `"${msgstr.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  entries[index] = [...lines.slice(0, start), `msgstr ${quoted}`].join('\n');
  return entries.join('\n\n');
}

/** An OmegaT project memory (TMX 1.4) holding default translations. */
function projectMemory(pairs: ReadonlyArray<readonly [string, string]>): string {
  const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const units = pairs.map(
    ([source, target]) =>
      `    <tu>\n      <tuv xml:lang="fr"><seg>${xml(source)}</seg></tuv>\n      <tuv xml:lang="en"><seg>${xml(target)}</seg></tuv>\n    </tu>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    '  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6.0_10" segtype="paragraph" srclang="fr"/>',
    '  <body>',
    ...units,
    '  </body>',
    '</tmx>',
    '',
  ].join('\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
