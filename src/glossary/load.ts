/**
 * Reading glossaries: our YAML format (validated against glossary.schema.json and checks.ts, every
 * error naming file:line and the entry id), or an import from TBX, CSV or TSV chosen by extension.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { LineCounter, parseDocument, type Document as YamlDocument } from 'yaml';
import { InputError } from '../errors.js';
import { describeFsError } from '../io/fs-error.js';
import { decodeText } from '../io/text-file.js';
import { checkEntries } from './checks.js';
import { makeEntry, makeGlossary } from './entry.js';
import type { EnglishArticle, EntityType, Glossary, GlossaryEntry } from './types.js';
import { schemaIssues } from './validate.js';

export type GlossaryFormat = 'yaml' | 'json' | 'tbx' | 'csv' | 'tsv';

export function formatOf(path: string): GlossaryFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json') return 'json';
  if (ext === '.tbx' || ext === '.xml') return 'tbx';
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv' || ext === '.tab') return 'tsv';
  throw new InputError(`${path}: unknown glossary format "${ext || '(no extension)'}"`, {
    hint: 'use .yaml/.yml/.json (Versio), .tbx (TBX v3 or 2008), .csv or .tsv (DeepL glossary format)',
  });
}

/** A relative `path` is read from `cwd` (the CLI's) when given; messages name it as given. */
export async function loadGlossary(path: string, { cwd }: { cwd?: string } = {}): Promise<Glossary> {
  const format = formatOf(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(cwd === undefined ? path : resolve(cwd, path));
  } catch (error) {
    throw new InputError(`${path}: cannot read glossary: ${describeFsError(error, 'read')}`, {
      cause: error,
    });
  }
  // Strict decoding, as for articles: invalid UTF-8 names its line instead of becoming U+FFFD.
  const { text } = decodeText(bytes, path);
  switch (format) {
    case 'yaml':
      return parseGlossary(text, path);
    case 'json':
      // Strict JSON first (YAML would accept a trailing comma); then the YAML reader, a superset
      // of JSON, validates it with line numbers.
      assertJson(text, path);
      return parseGlossary(text, path);
    case 'tbx':
      return (await import('./tbx.js')).fromTbx(text, path);
    case 'csv':
      return (await import('./csv.js')).fromCsv(text, path, ',');
    case 'tsv':
      return (await import('./csv.js')).fromCsv(text, path, '\t');
  }
}

function assertJson(text: string, path: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = Number(/at position (\d+)/.exec(message)?.[1] ?? text.length);
    const before = text.slice(0, at).split(/\r\n|\r|\n/);
    const where = `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
    throw new InputError(
      `${path}:${where}: invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
    );
  }
}

interface RawEntry {
  id: string;
  type: EntityType;
  french: string[];
  english: string;
  forbidden?: string[];
  note?: string;
  policy?: 'protect' | 'provider';
  ignoreCase?: boolean;
  ignoreAccents?: boolean;
  article?: EnglishArticle;
}

interface RawGlossary {
  sourceLang: string;
  targetLang: string;
  entries: RawEntry[] | null;
}

export function parseGlossary(text: string, path: string): Glossary {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((e) => {
      const pos = e.linePos?.[0];
      return `${path}:${pos ? `${pos.line}:${pos.col}` : '1'}: invalid YAML: ${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`;
    });
    throw new InputError(lines.join('\n'));
  }
  const data = doc.toJS() as unknown;
  const lineOf = (p: (string | number)[]) => lineAt(doc, lineCounter, p);
  const idOf = (index: unknown) => {
    const entry = typeof index === 'number' ? (data as RawGlossary).entries?.[index] : undefined;
    return typeof entry?.id === 'string'
      ? `entry "${entry.id}": `
      : typeof index === 'number'
        ? `entry ${index + 1}: `
        : '';
  };
  const problems = schemaIssues(data).map((i) => `${path}:${lineOf(i.path)}: ${idOf(i.path[1])}${i.message}`);
  if (problems.length > 0) throw new InputError(problems.join('\n'));

  const raw = data as RawGlossary;
  const entries: GlossaryEntry[] = (raw.entries ?? []).map((e, index) =>
    makeEntry({ ...e, line: lineOf(['entries', index]) }),
  );
  const issues = checkEntries(entries).map((i) => {
    const where =
      i.item === undefined ? ['entries', i.index, i.field] : ['entries', i.index, i.field, i.item];
    return `${path}:${lineOf(where)}: entry "${i.entry.id}": ${i.message}`;
  });
  if (issues.length > 0) throw new InputError(issues.join('\n'));
  return makeGlossary(path, raw.sourceLang, raw.targetLang, entries);
}

/** 1-based line of the node at `path`, or of its nearest ancestor present in the file. */
function lineAt(doc: YamlDocument, counter: LineCounter, path: (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) return counter.linePos(range[0]).line;
  }
  return 1;
}
