/**
 * DeepL's glossary entry format: one entry per line, source term then target term, no header, UTF-8.
 * CSV follows RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes doubled);
 * a row may carry two more columns, source and target language, as DeepL's own exports do.
 * TSV has no quoting: a term can contain neither a tab nor a line break.
 * https://developers.deepl.com/docs/customize/managing-glossaries (Entry formats)
 *
 * Versio's export adds eight columns after DeepL's four (csv-columns.ts: id, type, policy,
 * article, forbidden, note, ignoreCase, ignoreAccents), one row per French form, so an export
 * imports back to the same glossary, ids included. `deepl: true` writes DeepL's two columns
 * only; rows of two or four columns import as before: forms sharing one English form become one
 * entry (first form canonical), with a slug id, type `other`, policy `protect`.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { InputError } from '../errors.js';
import { checkEntries } from './checks.js';
import {
  ALL_COLUMNS,
  DEEPL_COLUMNS,
  type EntryExtras,
  entryColumns,
  readEntryColumns,
} from './csv-columns.js';
import { makeEntry, makeGlossary, slugify } from './entry.js';
import type { Glossary, GlossaryEntry } from './types.js';

export function toCsv(glossary: Glossary, delimiter: ',' | '\t', options: { deepl?: boolean } = {}): string {
  const rows = glossary.entries.flatMap((e) =>
    e.french.map((french) =>
      options.deepl
        ? [french, e.english]
        : [french, e.english, glossary.sourceLang, glossary.targetLang, ...entryColumns(e)],
    ),
  );
  if (delimiter === '\t') {
    for (const [index, row] of rows.entries()) {
      const bad = row.find((field) => /[\t\r\n]/.test(field));
      if (bad !== undefined) {
        throw new InputError(
          `${glossary.path || 'glossary'}: row ${index + 1}: TSV cannot carry a tab or line break ("${bad.slice(0, 40)}")`,
          { hint: 'export as csv, which quotes such fields' },
        );
      }
    }
    return rows.map((r) => `${r.join('\t')}\n`).join('');
  }
  return stringify(rows, { delimiter: ',', record_delimiter: '\n', quoted_match: /^\s|\s$/ });
}

interface Row {
  line: number;
  fields: string[];
}

interface Group {
  english: string;
  french: string[];
  line: number;
  extras?: EntryExtras;
}

export function fromCsv(text: string, path: string, delimiter: ',' | '\t'): Glossary {
  const rows = readRows(text, path, delimiter);
  const problems: string[] = [];
  const bySource = new Map<string, number>();
  // Rows with Versio columns group by id; DeepL rows by English form.
  const groups = new Map<string, Group>();
  let langs: [string, string] | undefined;
  for (const { line, fields } of rows) {
    const [source = '', target = '', sourceLang, targetLang] = fields;
    if (fields.length !== 2 && fields.length !== DEEPL_COLUMNS && fields.length !== ALL_COLUMNS) {
      problems.push(
        `${path}:${line}: expected 2 columns (source, target), 4 (with languages) or ${ALL_COLUMNS} (with Versio's entry fields), found ${fields.length}`,
      );
      continue;
    }
    const bad = termProblem(source, 'source') ?? termProblem(target, 'target');
    if (bad) {
      problems.push(`${path}:${line}: ${bad}`);
      continue;
    }
    const extras = fields.length === ALL_COLUMNS ? readEntryColumns(fields.slice(DEEPL_COLUMNS)) : undefined;
    if (typeof extras === 'string') {
      problems.push(`${path}:${line}: ${extras}`);
      continue;
    }
    if (sourceLang !== undefined && targetLang !== undefined) {
      const pair: [string, string] = [sourceLang.toLowerCase(), targetLang.toLowerCase()];
      if (langs && (langs[0] !== pair[0] || langs[1] !== pair[1])) {
        problems.push(
          `${path}:${line}: language pair ${pair.join('→')} differs from ${langs.join('→')} above`,
        );
      }
      langs ??= pair;
    }
    const key = source.normalize('NFC');
    const first = bySource.get(key);
    if (first !== undefined) {
      problems.push(`${path}:${line}: duplicate source term "${source}" (first at line ${first})`);
      continue;
    }
    bySource.set(key, line);
    const english = target.normalize('NFC');
    const groupKey = extras ? `id:${extras.id}` : `en:${english}`;
    const group = groups.get(groupKey);
    if (!group) groups.set(groupKey, { english, french: [source], line, ...(extras ? { extras } : {}) });
    else if (group.english !== english) {
      problems.push(
        `${path}:${line}: entry "${extras?.id}": English form "${target}" differs from "${group.english}" at line ${group.line}`,
      );
    } else group.french.push(source);
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'));
  if (groups.size === 0) throw new InputError(`${path}: glossary has no entries`);
  const taken = new Set([...groups.values()].flatMap((g) => (g.extras ? [g.extras.id] : [])));
  const entries: GlossaryEntry[] = [...groups.values()].map(({ english, french, line, extras }) =>
    extras
      ? makeEntry({ ...extras, french, english, line })
      : makeEntry({ id: slugify(english, taken), type: 'other', french, english, line }),
  );
  const issues = checkEntries(entries).map(
    (i) => `${path}:${i.entry.line}: entry "${i.entry.id}": ${i.message}`,
  );
  if (issues.length > 0) throw new InputError(issues.join('\n'));
  return makeGlossary(path, langs?.[0] ?? 'fr', langs?.[1] ?? 'en', entries);
}

function readRows(text: string, path: string, delimiter: ',' | '\t'): Row[] {
  try {
    const records = parse(text, {
      delimiter,
      quote: delimiter === ',' ? '"' : false,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, fields: record }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const message = error instanceof Error ? error.message.replace(/\s+at line \d+.*$/, '') : String(error);
    throw new InputError(`${path}:${line ?? 1}: malformed ${delimiter === ',' ? 'CSV' : 'TSV'}: ${message}`, {
      cause: error,
    });
  }
}

/** DeepL refuses empty terms, terms with surrounding spaces and control characters. */
function termProblem(term: string, column: 'source' | 'target'): string | undefined {
  if (term === '') return `empty ${column} term`;
  if (term.trim() !== term) return `${column} term "${term}" starts or ends with a space`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  if (/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(term))
    return `${column} term contains a control character or line break`;
  return undefined;
}
