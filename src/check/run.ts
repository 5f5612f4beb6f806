/**
 * `versio check` with its I/O: expand the inputs, read config, glossary and XLIFF files, run the pure
 * checks, return the report and the exit code. Usable in-process (the acceptance tests call it).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { glossaryPathFor } from '../glossary/default.js';
import { loadGlossary } from '../glossary/load.js';
import { buildMatcher, type Matcher } from '../glossary/match.js';
import type { Glossary } from '../glossary/types.js';
import { readXliff } from '../xliff/read.js';
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
  exitCode: 0 | 1;
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
  const checked: CheckedDocument[] = [];
  for (const path of paths) {
    const shown = displayPath(path, cwd);
    const xml = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new InputError(`${shown}: cannot read: ${error.code ?? error.message}`, { cause: error });
    });
    const { doc, locations } = readXliff(xml, shown);
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
  return { report, exitCode: exitCodeOf(report) };
}
