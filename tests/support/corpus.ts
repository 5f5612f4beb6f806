import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadGlossary } from '../../src/glossary/load.js';
import type { GlossaryEntry } from '../../src/glossary/types.js';
import { repoRoot } from './cli.js';
import { readXliffMarks, type SegmentMarks } from './xliff-marks.js';

/** The corpus the project wrote for itself (tests/fixtures/corpus/README.md). */
export const corpusDir = join(repoRoot, 'tests/fixtures/corpus');

export interface CorpusArticle {
  name: string;
  /** Absolute path of `<name>.fr.txt`. */
  source: string;
  /** Absolute path of its glossary (YAML, CSV or TBX). */
  glossary: string;
}

export function corpusArticles(): CorpusArticle[] {
  const files = readdirSync(corpusDir);
  return files
    .filter((f) => f.endsWith('.fr.txt'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.fr.txt'.length);
      const glossary = files.find((g) => g.startsWith(`${name}.glossary.`));
      if (!glossary) throw new Error(`corpus article ${f} has no glossary`);
      return { name, source: join(corpusDir, f), glossary: join(corpusDir, glossary) };
    });
}

export type EntryForms = Map<string, Pick<GlossaryEntry, 'english' | 'article'>>;

export async function entryForms(glossaryPath: string): Promise<EntryForms> {
  const glossary = await loadGlossary(glossaryPath);
  return new Map(glossary.entries.map((e) => [e.id, { english: e.english, article: e.article }]));
}

/**
 * One glossary for the whole corpus, so a single Apertium run translates every article. The
 * corpus glossaries are written to agree (same id, same English form; a French form in one
 * entry); entries with the same id merge their French forms, and CSV/TBX imports, which cannot
 * say `article`, take the YAML entry's. Disagreement is an error in the corpus.
 */
export async function mergedGlossaryYaml(paths: readonly string[]): Promise<string> {
  const merged = new Map<string, GlossaryEntry>();
  for (const path of paths) {
    for (const entry of (await loadGlossary(path)).entries) {
      const seen = merged.get(entry.id);
      if (!seen) {
        merged.set(entry.id, { ...entry, french: [...entry.french] });
        continue;
      }
      if (seen.english !== entry.english)
        throw new Error(`corpus glossaries disagree on ${entry.id}: ${seen.english} / ${entry.english}`);
      for (const form of entry.french) if (!seen.french.includes(form)) seen.french.push(form);
      if (entry.article === 'the') seen.article = 'the';
    }
  }
  const entries = [...merged.values()].map((e) => ({
    id: e.id,
    type: e.type,
    french: e.french,
    english: e.english,
    ...(e.article === 'the' ? { article: 'the' } : {}),
    ...(e.ignoreAccents ? { ignoreAccents: true } : {}),
    ...(e.ignoreCase ? { ignoreCase: true } : {}),
  }));
  return stringify({ sourceLang: 'fr', targetLang: 'en', entries });
}

function capitalise(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const char = String.fromCodePoint(first);
  return char.toUpperCase() + text.slice(char.length);
}

/** The English forms a mark of this entry may cover: with its article when it takes one, capitalised at a sentence start. */
function allowedForms(entry: Pick<GlossaryEntry, 'english' | 'article'>): string[] {
  const forms = entry.article === 'the' ? [entry.english, `the ${entry.english}`] : [entry.english];
  return forms.flatMap((f) => [f, capitalise(f)]);
}

const LINE_BREAK = /\r\n|\r|\n/g;
const PLACEHOLDER = /__E\d+__|<x\s+id=/;

/** Lines, blank lines, line endings and BOM of `english` against `french` (both as read from disk). */
export function layoutProblems(french: Buffer, english: Buffer): string[] {
  const problems: string[] = [];
  const bom = (b: Buffer) => b.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
  if (bom(french) !== bom(english)) problems.push(`BOM: source ${bom(french)}, English ${bom(english)}`);
  const fr = french.toString('utf8');
  const en = english.toString('utf8');
  const breaks = (t: string) => [...t.matchAll(LINE_BREAK)].map((m) => JSON.stringify(m[0]));
  if (breaks(fr).join() !== breaks(en).join())
    problems.push(`line breaks differ: source ${breaks(fr).length}, English ${breaks(en).length}`);
  const blanks = (t: string) =>
    t
      .split(LINE_BREAK)
      .map((line, i) => (line.trim() === '' ? i + 1 : 0))
      .filter((n) => n > 0)
      .join();
  if (blanks(fr) !== blanks(en))
    problems.push(`blank lines: source [${blanks(fr)}], English [${blanks(en)}]`);
  return problems;
}

/** Text invariants of an English article: no placeholder and no French quotation mark left. */
export function englishTextProblems(english: string): string[] {
  const problems: string[] = [];
  if (PLACEHOLDER.test(english)) problems.push(`placeholder left: ${english.match(PLACEHOLDER)?.[0]}`);
  for (const line of english.split(LINE_BREAK)) if (/[«»]/.test(line)) problems.push(`« » left: ${line}`);
  return problems;
}

/**
 * Mark invariants of one XLIFF: every target mark covers its entry's English form; every
 * matched entry's English form is in the English text; no placeholder in any target.
 */
export function markProblems(xliff: string, english: string, entries: EntryForms): string[] {
  const problems: string[] = [];
  const segments = readXliffMarks(xliff);
  if (segments.length === 0) problems.push('no segment in the XLIFF');
  const matched = new Set<string>();
  for (const segment of segments) {
    for (const mark of segment.sourceMarks) matched.add(mark.entryId);
    if (segment.target !== undefined && PLACEHOLDER.test(segment.target))
      problems.push(`${segment.id}: placeholder in the target: ${segment.target}`);
    for (const mark of segment.targetMarks) {
      const entry = entries.get(mark.entryId);
      if (!entry) problems.push(`${segment.id}: mark names unknown entry ${mark.entryId}`);
      else if (!allowedForms(entry).includes(mark.text))
        problems.push(
          `${segment.id}: mark (${mark.entryId}) covers ${JSON.stringify(mark.text)}, not ${JSON.stringify(entry.english)}`,
        );
    }
  }
  for (const id of matched) {
    const entry = entries.get(id);
    if (!entry) problems.push(`source mark names unknown entry ${id}`);
    else if (![entry.english, capitalise(entry.english)].some((f) => english.includes(f)))
      problems.push(`entry ${id}: ${JSON.stringify(entry.english)} missing from the English text`);
  }
  return problems;
}

export function segmentById(xliff: string, id: string): SegmentMarks | undefined {
  return readXliffMarks(xliff).find((s) => s.id === id);
}

/** XLIFF bytes apart from dates (ISO 8601 timestamps). */
export function withoutDates(xliff: string): string {
  return xliff.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?/g, '<date>');
}

/** Where two texts first differ, by line, for a failure message. */
export function firstDifference(a: string, b: string): string {
  const [x, y] = [a.split('\n'), b.split('\n')];
  const at = x.findIndex((line, i) => line !== y[i]);
  return at < 0 ? 'identical' : `line ${at + 1}: ${x[at]?.trim()} ≠ ${y[at]?.trim() ?? '(end)'}`;
}

/**
 * The first blocks' kinds by the README's rule (structure by position), from the source text
 * alone: a rubric is a first block of one line, at most 4 words and 40 characters, not ending
 * like a sentence, with another block after it; the headline is the next block (the first one
 * without a rubric) when it is one line.
 */
export function expectedLeadKinds(source: string): string[] {
  const blocks = source
    .replace(/^\uFEFF/, '')
    .split(/(?:\r\n|\r|\n)[ \t\u00a0]*(?:\r\n|\r|\n)(?:[ \t\u00a0]*(?:\r\n|\r|\n))*/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  const oneLine = (b: string | undefined): b is string => b !== undefined && !/[\r\n]/.test(b);
  const words = (b: string) => b.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const [first, second] = blocks;
  const rubric =
    oneLine(first) && words(first) <= 4 && first.length <= 40 && !/[.!?…]$/.test(first) && blocks.length > 1;
  if (rubric) return oneLine(second) ? ['rubric', 'headline'] : ['rubric', 'paragraph'];
  return [oneLine(first) ? 'headline' : 'paragraph'];
}

/** The kinds of the first blocks as the XLIFF labels them (1.2 group restype, 2.x unit type). */
export function xliffLeadKinds(xliff: string, count: number): string[] {
  const kinds = [...xliff.matchAll(/(?:restype="x-versio-|type="versio:)(rubric|headline|paragraph)"/g)];
  return kinds.slice(0, count).map(([, kind = '']) => kind);
}
