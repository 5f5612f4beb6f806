/**
 * Human work is recognised by content, not by state (README "What counts as human work"):
 * a reviewer's edit that comes back through real Translate Toolkit (xliff2po → PO editor →
 * pomerge, which writes state="needs-translation" on every fuzzy entry) or as a hand-edited
 * XLIFF 2 <target> without a state survives `versio translate`, and is counted "kept from review".
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Document, type Segment, segmentsOf } from '../../src/document.js';
import { readXliff } from '../../src/xliff/read.js';
import { runMain, tempDir } from '../support/cli.js';
import { defined } from '../support/defined.js';

const run = promisify(execFile);

/** Our own article (rubric, headline, two paragraphs), not the seed. */
const ARTICLE = [
  'Economie',
  '',
  'La Banque de France relève sa prévision de croissance',
  '',
  'La Banque de France a relevé sa prévision. Le FMI a suivi la semaine dernière.',
  '',
  'Les marchés ont salué la décision.',
  '',
].join('\n');
const EDITED = 'p3.s2';
const EDIT = 'The IMF followed suit last week.';

interface Summary {
  segments: number;
  fromMemory: number;
  translated: number;
  keptFromReview: number;
  needsReview: number;
}

function project(format: 'xliff12' | 'xliff2') {
  const dir = tempDir('versio-human-');
  const xliff = join(dir.path, 'tr', 'a.en.xlf');
  const translate = async (): Promise<Summary> => {
    const result = await runMain(
      [
        'translate',
        'a.fr.txt',
        '--provider',
        'pseudo',
        '--out',
        'tr',
        '--format',
        format,
        '--no-glossary',
        '--json',
      ],
      { cwd: dir.path },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return defined(
      (JSON.parse(result.stdout) as { documents: Summary[] }).documents[0],
      'a document summary',
    );
  };
  const read = (): Document => readXliff(readFileSync(xliff, 'utf8'), xliff).doc;
  writeFileSync(join(dir.path, 'a.fr.txt'), ARTICLE);
  return { dir, xliff, translate, read };
}

const segment = (doc: Document, id: string): Segment => {
  const found = segmentsOf(doc).find((s) => s.id === id);
  if (!found) throw new Error(`no segment ${id}`);
  return found;
};

/** Replaces the msgstr of the PO entry referencing `id`, leaving it fuzzy (the reviewer is not sure yet). */
function editFuzzyEntry(po: string, id: string, msgstr: string): string {
  const entries = po.split(/\n\n/);
  const index = entries.findIndex((e) => e.split('\n').includes(`#: ${id}`));
  expect(index, `PO entry for ${id}`).toBeGreaterThan(-1);
  const lines = defined(entries[index], `the PO entry for ${id}`).split('\n');
  expect(lines).toContain('#, fuzzy');
  const start = lines.findIndex((line) => line.startsWith('msgstr '));
  entries[index] = [...lines.slice(0, start), `msgstr "${msgstr}"`].join('\n');
  return entries.join('\n\n');
}

describe('a fuzzy PO edit merged back with pomerge (state="needs-translation")', () => {
  const p = project('xliff12');
  let rerun: Summary;
  let machine: Document;

  beforeAll(async () => {
    await p.translate();
    machine = p.read();
    const po = join(p.dir.path, 'a.po');
    await run('xliff2po', ['-i', p.xliff, '-o', po]);
    writeFileSync(po, editFuzzyEntry(readFileSync(po, 'utf8'), EDITED, EDIT));
    const merged = join(p.dir.path, 'merged.xlf');
    await run('pomerge', ['-t', p.xliff, '-i', po, '-o', merged]);
    // The reproduction: pomerge marks the edited (still fuzzy) unit as not translated.
    expect(readFileSync(merged, 'utf8')).toMatch(
      new RegExp(`<target state="needs-translation"[^>]*>${EDIT.replace('.', '\\.')}</target>`),
    );
    writeFileSync(p.xliff, readFileSync(merged));
    rerun = await p.translate();
  });
  afterAll(() => p.dir.cleanup());

  it('keeps the edit, counts it kept from review, and asks for review instead of calling it untranslated', () => {
    const doc = p.read();
    expect(segment(doc, EDITED).target).toBe(EDIT);
    expect(segment(doc, EDITED).state).toBe('needs-review');
    expect(rerun.keptFromReview).toBe(1);
    expect(rerun.translated).toBe(0);
  });

  it('still records the engine output beside the edit, so the next run recognises it again', async () => {
    expect(segment(p.read(), EDITED).provenance?.machineTarget).toBe(segment(machine, EDITED).target);
    const third = await p.translate();
    expect(third.keptFromReview).toBe(1);
    expect(segment(p.read(), EDITED).target).toBe(EDIT);
  });

  it('refills the untouched fuzzy units (target = engine output) with the engine’s text', () => {
    const doc = p.read();
    for (const s of segmentsOf(machine).filter((x) => x.id !== EDITED)) {
      expect(segment(doc, s.id).target, s.id).toBe(s.target);
      expect(segment(doc, s.id).state, s.id).toBe('translated');
    }
  });

  it('keeps the edit as a note and marks the unit needs-review when its source changes', async () => {
    writeFileSync(
      join(p.dir.path, 'a.fr.txt'),
      ARTICLE.replace('Le FMI a suivi la semaine dernière.', 'Le FMI a suivi mardi.'),
    );
    const summary = await p.translate();
    const s = segment(p.read(), EDITED);
    expect(s.reviewedBeforeSourceChange).toBe(EDIT);
    expect(s.state).toBe('needs-review');
    expect(s.target).not.toBe(EDIT);
    expect(summary.needsReview).toBeGreaterThanOrEqual(1);
  });
});

describe('XLIFF 2: a target edited by hand in a <segment> without state', () => {
  const p = project('xliff2');
  let rerun: Summary;

  beforeAll(async () => {
    await p.translate();
    const xml = readFileSync(p.xliff, 'utf8');
    const unit = new RegExp(
      `<segment id="${EDITED.replace('.', '\\.')}"[^>]*>(<source>[\\s\\S]*?</source>)<target>[\\s\\S]*?</target>`,
    );
    expect(unit.test(xml)).toBe(true);
    writeFileSync(p.xliff, xml.replace(unit, `<segment id="${EDITED}">$1<target>${EDIT}</target>`));
    rerun = await p.translate();
  });
  afterAll(() => p.dir.cleanup());

  it('is kept, counted, and marked for review (XLIFF 2 §4.3.1.26: no state means initial)', () => {
    const s = segment(p.read(), EDITED);
    expect(s.target).toBe(EDIT);
    expect(s.state).toBe('needs-review');
    expect(rerun.keptFromReview).toBe(1);
  });
});

describe('XLIFF 2 written by another tool: no engine output recorded anywhere', () => {
  const p = project('xliff2');
  let rerun: Summary;
  const foreign = (target: string) =>
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">',
      ' <file id="f1" original="a.fr.txt">',
      '  <unit id="u3">',
      '   <segment><source>Le FMI a suivi la semaine dernière.</source><target>' +
        target +
        '</target></segment>',
      '   <segment><source>Les marchés ont salué la décision.</source><target></target></segment>',
      '  </unit>',
      ' </file>',
      '</xliff>',
      '',
    ].join('\n');

  beforeAll(async () => {
    await p.translate();
    // Another tool rewrote the file: our metadata and candidates are gone, a translator filled one target.
    writeFileSync(p.xliff, foreign(EDIT));
    rerun = await p.translate();
  });
  afterAll(() => p.dir.cleanup());

  it('keeps a non-empty target nobody can prove is ours, and fills the empty one', () => {
    const doc = p.read();
    expect(segment(doc, EDITED).target).toBe(EDIT);
    expect(segment(doc, 'p4.s1').target).not.toBe('');
    expect(rerun.keptFromReview).toBe(1);
  });
});
