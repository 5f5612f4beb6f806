import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { RunSummary } from '../../src/pipeline/translate.js';
import { type CliResult, runMain } from './cli.js';
import { segmentById } from './corpus.js';
import { testJobs } from './jobs.js';

const exec = promisify(execFile);

export interface TranslateRun {
  result: CliResult;
  summary?: RunSummary;
}

/** `versio translate … --json` in-process; the summary when it exits 0. */
export async function translateJson(args: string[], cwd: string): Promise<TranslateRun> {
  // --jobs from VERSIO_TEST_JOBS: the invariants hold whichever document finishes first.
  const result = await runMain(['translate', ...args, '--json', '--jobs', testJobs()], { cwd });
  if (result.code !== 0) return { result };
  return { result, summary: JSON.parse(result.stdout) as RunSummary };
}

/** What a run sent to the engine, per document: segments translated, characters, requests. */
export function sent(summary: RunSummary | undefined): Record<string, number[]> {
  return Object.fromEntries(
    (summary?.documents ?? []).map((d) => [d.path, [d.translated, d.characters, d.requests]]),
  );
}

export function expectExit0(result: CliResult, what: string): void {
  expect(result.code, `${what}: ${result.stdout}${result.stderr}`).toBe(0);
  expect(result.stderr, what).not.toMatch(/versio: .*(error|bug)/i);
}

/**
 * Findings the pipeline itself guarantees never to cause: every glossary form in the target, no
 * placeholder or French typography left, every file readable. The other checks judge the
 * engine's English (numbers it mangled, a doubled word): a QA gate is right to flag machine
 * output there, so they may fire (exit 1) but never crash or refuse (exit 2, 70).
 */
export const GUARANTEED: ReadonlySet<string> = new Set([
  'term-missing',
  'placeholder',
  'leftover',
  'unreadable',
  'code-order',
]);

export function expectCheckClean(result: CliResult, what: string): void {
  expect([0, 1], `${what}: ${result.stderr}`).toContain(result.code);
  const report = JSON.parse(result.stdout) as {
    findings: { check: string; message: string; file: string }[];
  };
  const broken = report.findings.filter((f) => GUARANTEED.has(f.check)).map((f) => `${f.file}: ${f.message}`);
  expect(broken, what).toEqual([]);
}

/** Translate Toolkit: a command-line converter, failing the test with its stderr. */
export async function toolkit(tool: string, args: string[]): Promise<void> {
  try {
    await exec(tool, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${e.stderr ?? e.message}`);
  }
}

/**
 * A reviewer edits one msgstr of an xliff2po PO file and leaves it fuzzy (the case pomerge
 * writes back as state="needs-translation"). Returns the PO text.
 */
export function editPoEntry(po: string, id: string, msgstr: string): string {
  const entries = po.split(/\n\n/);
  const index = entries.findIndex((e) => e.split('\n').some((line) => line === `#: ${id}`));
  const entry = entries[index];
  if (entry === undefined) throw new Error(`no PO entry for ${id}`);
  const lines = entry.split('\n');
  const start = lines.findIndex((line) => line.startsWith('msgstr '));
  const quoted = `"${msgstr.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  entries[index] = [...lines.slice(0, start), `msgstr ${quoted}`].join('\n');
  return entries.join('\n\n');
}

/** The id of the last segment of an XLIFF (1.2 trans-unit or 2.x segment). */
export function lastSegmentId(xliff: string): string {
  const ids = [...xliff.matchAll(/<(?:trans-unit|segment) id="([^"]+)"/g)].map(([, id = '']) => id);
  const last = ids.at(-1);
  if (!last) throw new Error('no segment');
  return last;
}

/**
 * A translator edits the target of one XLIFF 2 segment by hand and drops its state, as a
 * plain XML editor leaves it. Only the segment's own <target> changes (not the engine output
 * kept in <mtc:match>).
 */
export function editXliff2Segment(path: string, id: string, target: string): void {
  const xml = readFileSync(path, 'utf8');
  const open = xml.indexOf(`<segment id="${id}"`);
  const close = xml.indexOf('</segment>', open);
  if (open < 0 || close < 0) throw new Error(`no segment ${id} in ${path}`);
  const segment = xml
    .slice(open, close)
    .replace(/ state="[^"]*"/, '')
    .replace(/<target>[\s\S]*<\/target>/, `<target>${escapeXml(target)}</target>`);
  writeFileSync(path, xml.slice(0, open) + segment + xml.slice(close));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The target of segment `id` in an XLIFF file, as text. */
export function targetOf(path: string, id: string): string | undefined {
  return segmentById(readFileSync(path, 'utf8'), id)?.target;
}

export const outputsOf = (dir: string, name: string) => ({
  xliff: join(dir, `${name}.en.xlf`),
  txt: join(dir, `${name}.en.txt`),
});
