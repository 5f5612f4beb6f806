/** What the `versio glossary` commands do, as functions of data (the command file only does I/O). */
import { toCsv } from './csv.js';
import { toTbx } from './tbx.js';
import type { Glossary } from './types.js';

export const exportFormats = ['tbx', 'tbx2008', 'csv', 'tsv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (exportFormats as readonly string[]).includes(value);
}

/** `deepl`: CSV/TSV in DeepL's two columns only (csv-columns.ts LOST_IN_DEEPL says what is lost). */
export function exportGlossary(
  glossary: Glossary,
  format: ExportFormat,
  options: { deepl?: boolean } = {},
): string {
  switch (format) {
    case 'tbx':
      return toTbx(glossary, 'tbx3');
    case 'tbx2008':
      return toTbx(glossary, 'tbx2008');
    case 'csv':
      return toCsv(glossary, ',', options);
    case 'tsv':
      return toCsv(glossary, '\t', options);
  }
}

/** `versio glossary list --json`: the entries without file bookkeeping, plus the hash. */
export function glossaryListing(glossary: Glossary) {
  return {
    path: glossary.path,
    sourceLang: glossary.sourceLang,
    targetLang: glossary.targetLang,
    hash: glossary.hash,
    entries: glossary.entries.map(({ line: _line, ...entry }) => entry),
  };
}

/** One line per entry: `id  type  policy  French forms → English`. */
export function formatListing(glossary: Glossary): string {
  const idWidth = Math.max(2, ...glossary.entries.map((e) => e.id.length));
  const lines = glossary.entries.map(
    (e) =>
      `${e.id.padEnd(idWidth)}  ${e.type.padEnd(12)}  ${e.policy.padEnd(8)}  ${e.french.join(' | ')} → ${e.article === 'the' ? '(the) ' : ''}${e.english}`,
  );
  return `${lines.join('\n')}\n${glossary.entries.length} entries (${glossary.sourceLang} → ${glossary.targetLang})\n`;
}
