/**
 * The error-injection harness: clean FR→EN pairs in, per error kind the share of injected errors
 * `versio check --severity warning` finds, and the findings it raises on the clean pairs. Each kind
 * becomes one XLIFF 1.2 file (one unit per pair it applies to), written by Versio's own writer and
 * checked on its own by runCheck, the function behind `versio check`, with the pairs' glossary.
 * Used by `npm run bench` (bench/figures/check-harness.js) and tests/integration/check-harness.test.ts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Block, Document } from '../../document.js';
import { loadGlossary } from '../../glossary/load.js';
import { writeXliff12 } from '../../xliff/write12.js';
import type { Finding } from '../finding.js';
import { runCheck } from '../run.js';
import { ERROR_KINDS, type ErrorKind, inject, type Pair } from './inject.js';

export interface KindResult {
  kind: ErrorKind;
  /** Pairs the kind applied to. */
  injected: number;
  found: number;
  /** Injected units with no finding, for the report: pair index and broken target. */
  missed: { index: number; target: string }[];
}

export interface HarnessResult {
  segments: number;
  /** Findings (errors and warnings) on the clean pairs. */
  falseFindings: Finding[];
  kinds: KindResult[];
  found: number;
  injected: number;
}

interface Unit {
  id: string;
  source: string;
  target: string;
}

function documentOf(name: string, units: readonly Unit[]): Document {
  const blocks: Block[] = units.map((u) => ({
    id: u.id.split('.')[0] ?? u.id,
    kind: 'paragraph',
    after: '\n\n',
    segments: [
      { id: u.id, source: u.source, after: '', spans: [], target: u.target, state: 'translated', notes: [] },
    ],
  }));
  // Units of one block (a pair and its inconsistent duplicate) share it, as segments of one paragraph.
  const merged: Block[] = [];
  for (const block of blocks) {
    const last = merged.at(-1);
    const lastSegment = last?.segments.at(-1);
    if (last && lastSegment && last.id === block.id) {
      lastSegment.after = ' ';
      last.segments.push(...block.segments);
    } else merged.push(block);
  }
  return {
    path: `${name}.fr.txt`,
    sourceLang: 'fr',
    targetLang: 'en',
    before: '',
    blocks: merged,
    eol: '\n',
    bom: false,
  };
}

export async function runHarness(pairs: readonly Pair[], glossaryPath: string): Promise<HarnessResult> {
  const glossary = await loadGlossary(glossaryPath);
  const entities = glossary.entries.map((e) => ({ english: e.english, forbidden: e.forbidden }));
  const dir = await mkdtemp(join(tmpdir(), 'versio-check-harness-'));
  try {
    const files: string[] = [];
    const write = async (name: string, units: Unit[]) => {
      const file = `${name.replace(/[^a-z0-9]+/gi, '-')}.xlf`;
      await writeFile(join(dir, file), writeXliff12(documentOf(name, units)));
      files.push(file);
      return file;
    };
    const clean = await write(
      'clean',
      pairs.map((p, i) => ({ id: `p${i + 1}.s1`, source: p.fr, target: p.en })),
    );
    const injectedUnit = new Map<string, { kind: ErrorKind; index: number; unit: string; target: string }>();
    for (const kind of Object.keys(ERROR_KINDS) as ErrorKind[]) {
      const units: Unit[] = [];
      const file = `${kind.replace(/[^a-z0-9]+/gi, '-')}.xlf`;
      pairs.forEach((pair, i) => {
        const broken = inject(kind, pair, i, entities);
        if (!broken) return;
        const id = `p${i + 1}`;
        if (broken.duplicate) units.push({ id: `${id}.s1`, source: pair.fr, target: pair.en });
        const unit = broken.duplicate ? `${id}.s2` : `${id}.s1`;
        units.push({ id: unit, source: pair.fr, target: broken.target });
        injectedUnit.set(`${file}#${unit}`, { kind, index: i, unit, target: broken.target });
      });
      await write(kind, units);
    }
    // One run per file: in a single run, the inconsistency rule would see every broken copy disagree
    // with its clean pair in clean.xlf and find every error for the wrong reason.
    const all: Finding[] = [];
    for (const file of files) {
      const { report } = await runCheck([file], { cwd: dir, glossary: glossaryPath, failOn: 'warning' });
      all.push(...report.findings);
    }
    const byUnit = new Map<string, Finding[]>();
    for (const f of all) {
      const key = `${f.file}#${f.unit}`;
      byUnit.set(key, [...(byUnit.get(key) ?? []), f]);
    }
    const falseFindings = all.filter((f) => f.file === clean);
    const cleanChecks = (index: number) =>
      new Set((byUnit.get(`${clean}#p${index + 1}.s1`) ?? []).map((f) => f.check));
    const kinds = new Map<ErrorKind, KindResult>();
    for (const [key, { kind, index, target }] of injectedUnit) {
      const result = kinds.get(kind) ?? { kind, injected: 0, found: 0, missed: [] };
      kinds.set(kind, result);
      result.injected += 1;
      // Found: a finding the clean copy of the same pair does not have.
      const known = cleanChecks(index);
      if ((byUnit.get(key) ?? []).some((f) => !known.has(f.check))) result.found += 1;
      else result.missed.push({ index, target });
    }
    const list = [...kinds.values()];
    return {
      segments: pairs.length,
      falseFindings,
      kinds: list,
      found: list.reduce((n, k) => n + k.found, 0),
      injected: list.reduce((n, k) => n + k.injected, 0),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
