/**
 * `versio check` with its I/O: expand the inputs, read config, glossary and XLIFF files, run the pure
 * checks, return the report and the exit code. Usable in-process (the acceptance tests call it).
 */
import { resolve } from 'node:path';
import { VersioError } from '../errors.js';
import { glossaryPathFor } from '../glossary/default.js';
import { loadGlossary } from '../glossary/load.js';
import { buildMatcher, type Matcher } from '../glossary/match.js';
import type { Glossary } from '../glossary/types.js';
import type { readXliff } from '../xliff/read.js';
import { readXliffFile } from '../xliff/read-file.js';
import { type CheckedDocument, inconsistenciesAcrossFiles } from './across-files.js';
import { checkDocument } from './check-document.js';
import { loadCheckConfig } from './config-file.js';
import { displayPath, expandInputs } from './files.js';
import { type Finding, type Severity, sortFindings } from './finding.js';
import { type CheckedFile, type CheckReport, exitCodeOf } from './report.js';

export interface RunCheckOptions {
  /** Working directory: inputs, --glossary and --config are relative to it, reports name files relative to it. */
  cwd: string;
  /** Glossary file; default glossary/versio.glossary.yaml when it exists; `false`: none. */
  glossary?: string | false;
  /** Config file; default versio.config.json when it exists. */
  config?: string;
  /** Least severe finding that fails the run (default error). */
  failOn?: Severity;
}

export interface CheckRun {
  report: CheckReport;
  /** 2 when a file could not be read (after checking the others), else as exitCodeOf. */
  exitCode: 0 | 1 | 2;
  /** One line per file that could not be read (also `unreadable` findings of the report). */
  unreadable: string[];
}

export async function runCheck(inputs: readonly string[], options: RunCheckOptions): Promise<CheckRun> {
  const { cwd } = options;
  const config = await loadCheckConfig(cwd, options.config);
  const paths = await expandInputs(inputs, cwd);
  const glossaryPath = await glossaryPathFor(options.glossary, options.cwd);
  const glossary: Glossary | undefined =
    glossaryPath === undefined ? undefined : await loadGlossary(resolve(cwd, glossaryPath));
  const matcher: Matcher | undefined = glossary ? buildMatcher(glossary) : undefined;

  const files: CheckedFile[] = [];
  const findings: Finding[] = [];
  const unreadable: string[] = [];
  const checked: CheckedDocument[] = [];
  for (const path of paths) {
    const shown = displayPath(path, cwd);
    let read: ReturnType<typeof readXliff>;
    try {
      read = await readXliffFile(path, shown);
    } catch (error) {
      // One bad file does not hide the others' findings: it becomes a finding of its own.
      if (!(error instanceof VersioError)) throw error;
      unreadable.push(error.message);
      files.push({ path: shown, units: [] });
      findings.push(unreadableFinding(shown, error.message));
      continue;
    }
    const { doc, locations } = read;
    files.push({
      path: shown,
      units: doc.blocks.flatMap((b) =>
        b.segments.map((s) => ({ id: s.id, ...(locations.get(s.id) ?? { line: 1, column: 1 }) })),
      ),
    });
    findings.push(...checkDocument(doc, locations, matcher, glossary, config, shown));
    checked.push({ path: shown, doc, locations });
  }
  // The same source translated differently in two files of the run.
  findings.push(...inconsistenciesAcrossFiles(checked, config));
  const report: CheckReport = {
    files,
    findings: sortFindings(findings),
    failOn: options.failOn ?? 'error',
    ...(glossaryPath === undefined ? {} : { glossary: glossaryPath }),
  };
  return { report, exitCode: unreadable.length > 0 ? 2 : exitCodeOf(report), unreadable };
}

/** The reader's message names the file and, for XML faults, the line and column: keep them. */
function unreadableFinding(file: string, message: string): Finding {
  const at = /^.*?:(\d+):(\d+): /.exec(message.startsWith(file) ? `x${message.slice(file.length)}` : '');
  return {
    check: 'unreadable',
    severity: 'error',
    file,
    unit: '',
    line: at ? Number(at[1]) : 1,
    column: at ? Number(at[2]) : 1,
    message,
    text: file,
  };
}
