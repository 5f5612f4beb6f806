import { basename, join, resolve } from 'node:path';
import type { Document } from '../document.js';
import type { Glossary } from '../glossary/types.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { renderArticle } from '../render/article.js';
import { toResources } from '../render/resources.js';
import type { ReviewFinding } from '../render/review-page.js';
import { version } from '../version.js';

/** Where the outputs of one translated article go. */
export interface OutputPaths {
  xliff: string;
  txt: string;
  md: string;
  /** i18next resource bundle: `<out>/<lang>/<namespace>.json`. */
  resources: string;
  review: string;
  namespace: string;
}

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

export interface OutputOptions {
  format: XliffFormat;
  glossary?: Glossary;
  /** `versio check` findings shown inline on the review page. */
  findings?: readonly ReviewFinding[];
  /** Relative paths are written under it; the paths returned are as given. */
  cwd: string;
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
  const [{ writeXliff12 }, { writeXliff2 }, { renderReviewPage }] = await Promise.all([
    import('../xliff/write12.js'),
    import('../xliff/write2.js'),
    import('../render/review-page.js'),
  ]);
  const xliff =
    options.format === 'xliff2'
      ? writeXliff2(doc, { toolVersion: version })
      : writeXliff12(doc, { toolVersion: version });
  const bundle = toResources(doc);
  const article = renderArticle(doc, bundle, doc.targetLang);
  const files: [string, string][] = [
    [paths.xliff, xliff],
    [paths.resources, `${JSON.stringify(bundle, null, 2)}\n`],
    [paths.txt, article.txt],
    [paths.md, article.md],
    [
      paths.review,
      renderReviewPage(doc, {
        findings: options.findings ?? [],
        ...(options.glossary ? { glossary: options.glossary } : {}),
      }),
    ],
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
