/**
 * TMX 1.4b writer (https://www.gala-global.org/tmx-14b): one <tu> per memory key, the source
 * <tuv> first, then the target. Plain text only (TMX level 1): a segment never carries inline codes.
 */
import { OutputError } from '../errors.js';
import { escapeXmlAttr, escapeXmlText, nonXmlChar } from '../xml/escape.js';
import type { MemoryRecord } from './record.js';

export interface TmxOptions {
  /** Header srclang: the records' source language, or `*all*` when they mix several. */
  sourceLang: string;
  creationTool: string;
  creationToolVersion: string;
}

export function toTmx(records: Iterable<MemoryRecord>, options: TmxOptions): string {
  // Later records win, as in the memory itself.
  const latest = new Map<string, MemoryRecord>();
  for (const record of records) {
    latest.delete(record.key);
    latest.set(record.key, record);
  }
  const header = attributes({
    creationtool: options.creationTool,
    creationtoolversion: options.creationToolVersion,
    segtype: 'sentence',
    'o-tmf': 'versio-jsonl',
    adminlang: 'en',
    srclang: options.sourceLang,
    datatype: 'plaintext',
  });
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header${header}/>`,
    '  <body>',
  ];
  for (const record of latest.values()) lines.push(...unit(record, options.sourceLang));
  lines.push('  </body>', '</tmx>', '');
  return lines.join('\n');
}

function unit(record: MemoryRecord, headerLang: string): string[] {
  const tu: Record<string, string | undefined> = {
    // TMX 1.4b: srclang on <tu> overrides the header's.
    srclang: sameLang(record.sourceLang, headerLang) ? undefined : record.sourceLang,
    creationdate: tmxDate(record.createdAt),
  };
  return [
    `    <tu${attributes(tu)}>`,
    `      <prop type="x-versio-key">${text(record.key, record)}</prop>`,
    `      <prop type="x-versio-provider">${text(record.provider, record)}</prop>`,
    `      <tuv xml:lang="${attr(record.sourceLang, record)}"><seg>${text(record.source, record)}</seg></tuv>`,
    `      <tuv xml:lang="${attr(record.targetLang, record)}"><seg>${text(record.target, record)}</seg></tuv>`,
    '    </tu>',
  ];
}

function sameLang(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** TMX 1.4b dates are ISO 8601 basic format in UTC: YYYYMMDDThhmmssZ. */
export function tmxDate(iso: string): string | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  return new Date(time)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function attributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${attr(value)}"`)
    .join('');
}

// XML 1.0 §2.2: these code points cannot appear in a document, not even as character references.
function checkChars(value: string, record?: MemoryRecord): void {
  const bad = nonXmlChar(value);
  if (bad === undefined) return;
  const where = record
    ? `memory record ${record.key} ("${record.source.slice(0, 40)}")`
    : 'a TMX header value';
  throw new OutputError(`${where} contains ${bad}, which XML 1.0 cannot represent`);
}

function text(value: string, record?: MemoryRecord): string {
  checkChars(value, record);
  return escapeXmlText(value);
}

function attr(value: string, record?: MemoryRecord): string {
  checkChars(value, record);
  return escapeXmlAttr(value);
}
