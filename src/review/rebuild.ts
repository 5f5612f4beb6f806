/**
 * `versio render`: rebuilds the English article (and the review page) from a reviewed XLIFF
 * file alone — the reader recovers the layout, the targets are the text. A segment without a
 * target falls back to its source and is reported, never silently dropped.
 */

import { dirname, resolve } from 'node:path';
import type { CheckConfig } from '../check/config.js';
import type { Document } from '../document.js';
import { segmentsOf } from '../document.js';
import { markTargetTerms } from '../glossary/target-spans.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { MAX_INPUT_BYTES } from '../io/text-file.js';
import { outputPaths } from '../pipeline/write.js';
import { type RenderedFileOptions, renderedFiles } from '../render/files.js';
import type { ResourceBundle } from '../render/resources.js';

import { withCodeMarkers } from './code-markers.js';
import { RENDER_FORMATS, type RenderFormat } from './render-formats.js';
import { safeLanguage, safeSourceName } from './safe-name.js';

export { RENDER_FORMATS, type RenderFormat } from './render-formats.js';

export interface RebuildOptions extends RenderedFileOptions {
  /** Output directory; defaults to the XLIFF file's own directory. */
  outDir?: string;
  formats: readonly RenderFormat[];
  /** Run `versio check` on the file and put its findings on the review page. */
  check?: CheckConfig;
  /** Relative paths are read and written from it (the CLI's); the paths returned are as given. */
  cwd?: string;
}

export interface RebuildResult {
  /** Files written, in writing order. */
  files: string[];
  /** Ids of segments rendered from their source because they have no target. */
  untranslated: string[];
}

/** Reads `xliffPath` and writes each requested format atomically. */
export async function rebuildFromXliff(xliffPath: string, options: RebuildOptions): Promise<RebuildResult> {
  const { readXliffFile } = await import('../xliff/read-file.js');
  const { doc, locations } = await readXliffFile(xliffPath, xliffPath, {
    allFiles: true,
    maxBytes: MAX_INPUT_BYTES,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  let findings = options.findings;
  if (options.check && options.formats.includes('html')) {
    const [{ checkDocument }, { buildMatcher }] = await Promise.all([
      import('../check/check-document.js'),
      import('../glossary/match.js'),
    ]);
    const matcher = options.glossary ? buildMatcher(options.glossary) : undefined;
    findings = checkDocument(doc, locations, matcher, options.glossary, options.check, xliffPath);
  }
  // Checks read the model's text; the article and the review page show where the codes stand.
  const shown = withCodeMarkers(doc, locations);
  const outputs = rebuildOutputs(shown, xliffPath, { ...options, ...(findings ? { findings } : {}) });
  for (const [path, data] of outputs.files) await writeFileAtomic(resolve(options.cwd ?? '', path), data);
  return { files: outputs.files.map(([path]) => path), untranslated: outputs.untranslated };
}

/** Pure: the files to write (path, content) for a read document. */
export function rebuildOutputs(
  doc: Document,
  xliffPath: string,
  options: RebuildOptions,
): { files: [string, string][]; untranslated: string[] } {
  // `original` and the languages come from the file, maybe from another tool: made safe as names.
  const paths = outputPaths(
    safeSourceName(doc.path, xliffPath),
    options.outDir ?? dirname(xliffPath),
    safeLanguage(doc.sourceLang, 'source'),
    safeLanguage(doc.targetLang, 'target'),
  );
  // The page's term highlights come from the model, as in `translate`, not from the file's marks.
  markTargetTerms(doc);
  const untranslated = segmentsOf(doc)
    .filter((s) => s.target === undefined || (s.target === '' && s.source !== ''))
    .map((s) => s.id);
  const rendered = renderedFiles(doc, targetsOrSource(doc), paths, options);
  const files = RENDER_FORMATS.filter((f) => options.formats.includes(f)).map((f): [string, string] => [
    rendered[f].path,
    rendered[f].content(),
  ]);
  return { files, untranslated };
}

/** Like toResources, but an empty target (a CAT tool's untranslated unit) falls back to the source too. */
function targetsOrSource(doc: Document): ResourceBundle {
  const bundle: ResourceBundle = {};
  for (const s of segmentsOf(doc))
    bundle[s.id] = s.target === undefined || s.target === '' ? s.source : s.target;
  return bundle;
}
