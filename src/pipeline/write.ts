import { basename, join, resolve } from 'node:path';
import type { CheckConfig } from '../check/config.js';
import type { Finding } from '../check/finding.js';
import type { Document } from '../document.js';
import type { Matcher } from '../glossary/match.js';
import type { Glossary } from '../glossary/types.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { OutputPaths, RenderedFileOptions } from '../render/files.js';
import { toResources } from '../render/resources.js';
import { RENDER_FORMATS } from '../review/render-formats.js';
import { version } from '../version.js';

/**
 * `source/palmyre.fr.txt` → `translations/palmyre.en.xlf`, `palmyre.en.txt`, `palmyre.en.md`,
 * `en/palmyre.json`, `palmyre.review.html`. The source language suffix is dropped if present.
 */
export function outputPaths(
  sourcePath: string,
  outDir: string,
  sourceLang: string,
  targetLang: string,
): OutputPaths {
  const name = basename(sourcePath).replace(/\.(txt|text|md)$/i, '');
  const suffix = `.${sourceLang}`;
  const namespace = (name.toLowerCase().endsWith(suffix) ? name.slice(0, -suffix.length) : name) || 'article';
  return {
    xliff: join(outDir, `${namespace}.${targetLang}.xlf`),
    txt: join(outDir, `${namespace}.${targetLang}.txt`),
    md: join(outDir, `${namespace}.${targetLang}.md`),
    resources: join(outDir, targetLang, `${namespace}.json`),
    review: join(outDir, `${namespace}.review.html`),
    namespace,
  };
}

export type XliffFormat = 'xliff12' | 'xliff2';

export interface OutputOptions extends RenderedFileOptions {
  format: XliffFormat;
  /** Relative paths are written under it; the paths returned are as given. */
  cwd: string;
}

/** The XLIFF of a translated document: it holds the reviewed work and rebuilds everything else. */
export async function xliffText(doc: Document, format: XliffFormat): Promise<string> {
  if (format === 'xliff2')
    return (await import('../xliff/write2.js')).writeXliff2(doc, { toolVersion: version });
  return (await import('../xliff/write12.js')).writeXliff12(doc, { toolVersion: version });
}

/** The files derived from a translated document, path and content: the article, resources, review page. */
export async function derivedFiles(
  doc: Document,
  paths: OutputPaths,
  options: RenderedFileOptions,
): Promise<[string, string][]> {
  const { renderedFiles } = await import('../render/files.js');
  const rendered = renderedFiles(doc, toResources(doc), paths, options);
  return RENDER_FORMATS.map((f): [string, string] => [rendered[f].path, rendered[f].content()]);
}

let checks: Promise<typeof import('../check/check-document.js')> | undefined;

/**
 * Loads the checks, once. Not at start, where each module compiled would delay the first request
 * to the engine: translate starts it once a document's requests are all sent, so the modules
 * compile while the engine works.
 */
export function loadReviewChecks(): Promise<typeof import('../check/check-document.js')> {
  checks ??= import('../check/check-document.js');
  return checks;
}

/** What `versio check` finds in a translated document, shown inline on its review page. */
export async function reviewFindings(
  doc: Document,
  matcher: Matcher | undefined,
  glossary: Glossary | undefined,
  config: CheckConfig,
): Promise<Finding[]> {
  const { checkDocument } = await loadReviewChecks();
  return checkDocument(doc, new Map(), matcher, glossary, config);
}

/**
 * Writes every output of a translated document, each atomically (temp file + rename): the
 * XLIFF first, so a crash between files never leaves an article newer than its XLIFF.
 */
export async function writeOutputs(
  doc: Document,
  paths: OutputPaths,
  options: OutputOptions,
): Promise<string[]> {
  const files: [string, string][] = [
    [paths.xliff, await xliffText(doc, options.format)],
    ...(await derivedFiles(doc, paths, options)),
  ];
  // The XLIFF first and durable: it holds the reviewed work and rebuilds everything else
  // (`versio render`). The rest are derived, so atomic without fsync, side by side.
  const [first, ...rest] = files;
  if (first) await writeFileAtomic(resolve(options.cwd, first[0]), first[1]);
  await Promise.all(
    rest.map(([path, data]) => writeFileAtomic(resolve(options.cwd, path), data, undefined, 'atomic')),
  );
  return files.map(([path]) => path);
}
