/**
 * The files rendered from a translated document besides its XLIFF — the English article (txt, md),
 * the i18next bundle (json), the review page (html) — and where each goes. `translate` writes
 * them all after the XLIFF; `versio render` writes the ones asked for from a reviewed XLIFF.
 */
import type { Document } from '../document.js';
import type { Glossary } from '../glossary/types.js';
import type { RenderFormat } from '../review/render-formats.js';
import { renderArticle } from './article.js';
import type { ResourceBundle } from './resources.js';
import { type ReviewFinding, renderReviewPage } from './review-page.js';

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

export interface RenderedFile {
  path: string;
  /** Rendered on demand, so a caller pays only for the formats it writes. */
  content(): string;
}

export interface RenderedFileOptions {
  glossary?: Glossary;
  /** `versio check` findings shown inline on the review page. */
  findings?: readonly ReviewFinding[];
}

/** `bundle` is the English text by segment id, as the article and the json file show it. */
export function renderedFiles(
  doc: Document,
  bundle: ResourceBundle,
  paths: OutputPaths,
  options: RenderedFileOptions,
): Record<RenderFormat, RenderedFile> {
  let article: ReturnType<typeof renderArticle> | undefined;
  const articleOf = () => {
    article ??= renderArticle(doc, bundle, doc.targetLang);
    return article;
  };
  return {
    txt: { path: paths.txt, content: () => articleOf().txt },
    md: { path: paths.md, content: () => articleOf().md },
    json: { path: paths.resources, content: () => `${JSON.stringify(bundle, null, 2)}\n` },
    html: {
      path: paths.review,
      content: () =>
        renderReviewPage(doc, {
          ...(options.glossary ? { glossary: options.glossary } : {}),
          ...(options.findings ? { findings: options.findings } : {}),
        }),
    },
  };
}
