import { createInstance, type TFunction } from 'i18next';
import type { Block, Document } from '../document.js';
import type { ResourceBundle } from './resources.js';

/** Rendered English article in each output format. */
export interface RenderedArticle {
  txt: string;
  md: string;
}

/**
 * Renders the article from an i18next bundle with `t()`, keeping the source's exact block
 * layout (blank lines, line endings, BOM) in the text output.
 */
export function renderArticle(doc: Document, bundle: ResourceBundle, language = 'en'): RenderedArticle {
  const t = translator(bundle, language);
  const text = (block: Block) => block.segments.map((s) => t(s.id) + s.after).join('');
  const bom = doc.bom ? '\ufeff' : '';
  const txt = bom + doc.before + doc.blocks.map((b) => text(b) + b.after).join('');
  return { txt, md: renderMarkdown(doc, text) };
}

function renderMarkdown(doc: Document, text: (block: Block) => string): string {
  const eol = doc.eol;
  const parts: string[] = [];
  for (const block of doc.blocks) {
    const body = text(block).replace(/\r\n|\r|\n/g, block.kind === 'paragraph' ? `  ${eol}` : ' ');
    if (block.kind === 'rubric') parts.push(`*${escapeMarkdown(body)}*`);
    else if (block.kind === 'headline') parts.push(`# ${escapeMarkdown(body)}`);
    else parts.push(escapeMarkdown(body));
  }
  return parts.join(eol + eol) + eol;
}

/** Escapes what would otherwise start Markdown syntax in prose (CommonMark §2.4 backslash escapes). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&').replace(/^(\s*)([#>+-]|\d+[.)])(?=\s)/gm, '$1\\$2');
}

function translator(bundle: ResourceBundle, language: string): TFunction {
  const i18n = createInstance();
  // initAsync: false makes init synchronous for in-memory resources, so `void` loses nothing.
  void i18n.init({
    lng: language,
    resources: { [language]: { translation: bundle } },
    // Segment ids contain dots (p4.s2) and texts may contain ':' — neither is a separator here.
    keySeparator: false,
    nsSeparator: false,
    // Targets are prose, not templates: "{{x}}" and "$t(…)" in a sentence stay as written.
    interpolation: { escapeValue: false, skipOnVariables: true },
    initAsync: false,
    returnNull: false,
    returnEmptyString: true,
  });
  return ((key: string) =>
    i18n.t(key, { skipInterpolation: true, nest: false } as Record<string, unknown>)) as unknown as TFunction;
}
