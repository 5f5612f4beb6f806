/**
 * The memory file's reading side: the index of key → offset of the winning record
 * (index-table.ts), built by streaming the file and kept current by reading its new tail;
 * records are read from the file on a hit. A file replaced under it (`tm compact`, a new
 * inode) or cut short is read afresh.
 */
import type { FileHandle } from 'node:fs/promises';
import { open, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { IndexTable, keyHash } from './index-table.js';
import { isImported, type MemoryRecord, pickRecord } from './record.js';
import { type Line, linesFrom, nextOffset, quickRecord, readLineAt } from './scan.js';

export class FileIndex {
  readonly path: string;
  private torn: number[] = [];
  /** File size at the last read: past `end`, a line not ended yet (being written, or torn). */
  private seen = 0;
  private index = new IndexTable();
  private imported = new Map<number, number>();
  private handle: FileHandle | undefined;
  private retired: FileHandle[] = [];
  private ino: number | undefined;
  /** Offset just past the last complete line read. */
  end = 0;
  private lines = 0;
  private nonEmpty = 0;
  private reading: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    this.path = path;
  }

  /** Whether the file existed at the last read. */
  get exists(): boolean {
    return this.handle !== undefined;
  }

  get size(): number {
    return this.index.size;
  }

  /** Non-empty lines (records, superseded ones and torn lines, an unended last line included). */
  get lineCount(): number {
    return this.nonEmpty + (this.seen > this.end ? 1 : 0);
  }

  /** 1-based lines of the file that are torn writes (skipped), an unended last line included. */
  get tornLines(): readonly number[] {
    return this.seen > this.end ? [...this.torn, this.lines + 1] : this.torn;
  }

  async lookup(key: string): Promise<MemoryRecord | undefined> {
    const offset = this.index.offsetOf(keyHash(key));
    const record = offset === undefined ? undefined : await this.recordAt(offset);
    return record?.key === key ? record : undefined;
  }

  async lookupImported(
    source: string,
    sourceLang: string,
    targetLang: string,
  ): Promise<MemoryRecord | undefined> {
    const offset = this.imported.get(keyHash(importedIndex(source, sourceLang, targetLang)));
    const record = offset === undefined ? undefined : await this.recordAt(offset);
    // A hash collision or a later import under the bare language: the caller checks the target fit.
    return record?.source === source && primaryTag(record.sourceLang) === primaryTag(sourceLang)
      ? record
      : undefined;
  }

  /** The record `lookup` returns for each key, in order of their last write, streamed from the file. */
  async *iterate(): AsyncGenerator<MemoryRecord> {
    const handle = this.handle;
    if (handle === undefined) return;
    let position = 0;
    for await (const lines of linesFrom(handle, 0)) {
      const winners: MemoryRecord[] = [];
      for (const line of lines) {
        if (position >= this.end) break;
        position = nextOffset(line);
        const record = parseLine(line.bytes);
        if (record && this.index.offsetOf(keyHash(record.key)) === line.offset) winners.push(record);
      }
      yield* winners;
      if (position >= this.end) return;
    }
  }

  /** Index what was appended since the last read; a replaced file (`tm compact`) is read afresh. */
  refresh(): Promise<void> {
    // One read at a time: two would index the same tail twice.
    const done = this.reading.then(() => this.readTail());
    this.reading = done.catch(() => undefined);
    return done;
  }

  async close(): Promise<void> {
    const handles = [...this.retired, ...(this.handle ? [this.handle] : [])];
    this.handle = undefined;
    this.retired = [];
    await Promise.allSettled(handles.map((h) => h.close()));
  }

  private async readTail(): Promise<void> {
    const info = await stat(this.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (info === undefined) return;
    if (this.handle === undefined || info.ino !== this.ino || info.size < this.end) {
      if (this.handle) this.retired.push(this.handle);
      this.handle = await open(this.path, 'r');
      this.ino = (await this.handle.stat()).ino;
      [this.index, this.imported, this.end, this.lines, this.nonEmpty, this.torn] = [
        new IndexTable(),
        new Map(),
        0,
        0,
        0,
        [],
      ];
    }
    for await (const lines of linesFrom(this.handle, this.end)) {
      for (const line of lines) this.indexLine(line);
    }
    this.seen = Math.max(info.size, this.end);
  }

  private indexLine(line: Line): void {
    this.lines += 1;
    this.end = nextOffset(line);
    if (line.bytes.length === 0 || (line.bytes.length === 1 && line.bytes[0] === 0x0d)) return;
    this.nonEmpty += 1;
    const quick = quickRecord(line.bytes);
    if (quick && !quick.imported) {
      this.index.add(quick.hash, line.offset, quick.human);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(line.bytes.toString('utf8'));
    } catch {
      // Only a cut-short write makes an unparseable line: we write each record as one JSON text.
      this.torn.push(this.lines);
      return;
    }
    const record = pickRecord(value);
    if (typeof record === 'string') {
      throw new InputError(`${this.path}:${this.lines}: not a translation-memory record: ${record}`, {
        hint: 'the memory is written by versio only; remove the line or the file to start afresh',
      });
    }
    this.index.add(keyHash(record.key), line.offset, record.origin === 'human');
    if (isImported(record)) {
      // Under its target tag and its bare target language: an `en` article finds an en-GB unit.
      for (const target of new Set([record.targetLang, primaryTag(record.targetLang)])) {
        this.imported.set(keyHash(importedIndex(record.source, record.sourceLang, target)), line.offset);
      }
    }
  }

  private async recordAt(offset: number): Promise<MemoryRecord | undefined> {
    const handle = this.handle;
    const bytes = handle === undefined ? undefined : await readLineAt(handle, offset);
    return bytes === undefined ? undefined : parseLine(bytes);
  }
}

/** A record line, or undefined for a torn one (or one a hand edit broke after it was indexed). */
function parseLine(bytes: Buffer): MemoryRecord | undefined {
  try {
    const record = pickRecord(JSON.parse(bytes.toString('utf8')));
    return typeof record === 'string' ? undefined : record;
  } catch {
    return undefined;
  }
}

/** Imports are found by source text, source language (fr-FR serves fr) and target tag. */
function importedIndex(source: string, sourceLang: string, targetLang: string): string {
  return JSON.stringify([primaryTag(sourceLang), targetLang.toLowerCase().replace(/_/g, '-'), source]);
}

function primaryTag(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}
