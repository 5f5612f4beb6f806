/**
 * The translation memory: an append-only JSON Lines file, one MemoryRecord per line.
 *
 * What it guarantees:
 * - Crash safety: `append` resolves only after its lines are written and fsynced. A process
 *   killed mid-append leaves at most one torn (unterminated, unparseable) line; `open` skips
 *   torn lines wherever they are, and the next append starts on a fresh line, so every record
 *   whose append resolved — and every line fully written before the kill — is kept.
 * - Several processes may append to one memory (two terminals). Each append is one write(2)
 *   of whole lines on a descriptor opened with O_APPEND; POSIX makes the seek-to-end and the
 *   write one step, and Linux local file systems (ext4, xfs, btrfs, tmpfs) serialise writes
 *   to one file, so batches of different processes never interleave inside a line. NFS does
 *   not honour O_APPEND that way: keep a shared memory on a local disk. A process does not
 *   see what another appended after it opened the memory; that only costs a re-translation.
 * - Later records win on lookup (a re-translation after a fix replaces the old target), except
 *   that a machine record never replaces a human one (record.ts `replaces`).
 */

import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError, OutputError } from '../errors.js';
import { describeFsError, syncDirectory } from '../io/atomic-write.js';
import { isImported, type MemoryRecord, pickRecord, replaces } from './record.js';

export type { MemoryRecord } from './record.js';

/** Where the memory lives unless --memory says otherwise, relative to the working directory. */

export class TranslationMemory {
  readonly path: string;
  /** 1-based lines of the file that were torn writes, skipped by `open`. */
  readonly tornLines: readonly number[];
  private readonly byKey = new Map<string, MemoryRecord>();
  private readonly imported = new Map<string, MemoryRecord>();
  private handle: Promise<FileHandle> | undefined;
  /** Appends of one process run one after the other (a pipeline finishes batches concurrently). */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(path: string, records: readonly MemoryRecord[], tornLines: number[]) {
    this.path = path;
    this.tornLines = tornLines;
    for (const record of records) this.remember(record);
  }

  /** Open (creating the parent directory); a missing file is an empty memory. */
  static async open(path: string): Promise<TranslationMemory> {
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (error) {
      throw new OutputError(`cannot create the memory directory for ${path}: ${describeFsError(error)}`, {
        cause: error,
      });
    }
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new InputError(`cannot read the translation memory ${path}: ${describeFsError(error)}`, {
          cause: error,
        });
      }
    }
    const { records, tornLines } = parseMemory(text, path);
    return new TranslationMemory(path, records, tornLines);
  }

  lookup(key: string): MemoryRecord | undefined {
    return this.byKey.get(key);
  }

  /**
   * The latest unit imported from a TMX file with exactly this source text and language pair.
   * Only for runs that opt in to imported units (see import.ts for why they are kept apart).
   */
  lookupImported(source: string, sourceLang: string, targetLang: string): MemoryRecord | undefined {
    return this.imported.get(importedIndex(source, sourceLang, targetLang));
  }

  /** Append and fsync the records (one write of whole lines); resolves once they are durable. */
  async append(records: readonly MemoryRecord[]): Promise<void> {
    if (records.length === 0) return;
    const picked = records.map((record) => {
      const result = pickRecord(record);
      if (typeof result === 'string') throw new TypeError(`memory record ${record.key}: ${result}`);
      return result;
    });
    const body = picked.map((r) => `${JSON.stringify(r)}\n`).join('');
    const done = this.queue.then(() => this.write(body));
    this.queue = done.catch(() => undefined);
    await done;
    for (const record of picked) this.remember(record);
  }

  private async write(lines: string): Promise<void> {
    let body = lines;
    try {
      const handle = await this.appendHandle();
      // A torn line left by a killed process must not swallow our first record.
      if (!(await endsWithNewline(handle))) body = `\n${body}`;
      await writeAll(handle, Buffer.from(body, 'utf8'));
      await handle.datasync();
    } catch (error) {
      const why = describeFsError(error);
      throw new OutputError(`cannot append to the translation memory ${this.path}: ${why}`, { cause: error });
    }
  }

  /** The record `lookup` returns for each key, one per key. */
  records(): Iterable<MemoryRecord> {
    return this.byKey.values();
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.byKey.size;
  }

  async close(): Promise<void> {
    await this.queue;
    const handle = this.handle;
    this.handle = undefined;
    await (await handle?.catch(() => undefined))?.close();
  }

  private remember(record: MemoryRecord): void {
    if (!replaces(record, this.byKey.get(record.key))) return;
    // delete first: a later record moves to the end, so records() is in order of last write.
    this.byKey.delete(record.key);
    this.byKey.set(record.key, record);
    if (isImported(record)) {
      this.imported.set(importedIndex(record.source, record.sourceLang, record.targetLang), record);
    }
  }

  private appendHandle(): Promise<FileHandle> {
    this.handle ??= (async () => {
      // 'a+' is O_APPEND|O_CREAT|O_RDWR: every write goes to the current end, whoever else
      // appends; reading lets append() check the last byte for a torn line.
      const handle = await open(this.path, 'a+', 0o644);
      // The file may be new: its directory entry must be durable too.
      await syncDirectory(dirname(this.path));
      return handle;
    })();
    // A failed open is retried by the next append.
    this.handle.catch(() => {
      this.handle = undefined;
    });
    return this.handle;
  }
}

/** Parse the file: torn lines (unparseable JSON) are skipped; a well-formed but wrong record is an error. */
export function parseMemory(text: string, path: string): { records: MemoryRecord[]; tornLines: number[] } {
  const records: MemoryRecord[] = [];
  const tornLines: number[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // Only a cut-short write makes an unparseable line: we write each record as one JSON text.
      tornLines.push(index + 1);
      return;
    }
    const record = pickRecord(value);
    if (typeof record === 'string') {
      throw new InputError(`${path}:${index + 1}: not a translation-memory record: ${record}`, {
        hint: 'the memory is written by versio only; remove the line or the file to start afresh',
      });
    }
    records.push(record);
  });
  return { records, tornLines };
}

function importedIndex(source: string, sourceLang: string, targetLang: string): string {
  return JSON.stringify([sourceLang.toLowerCase(), targetLang.toLowerCase(), source]);
}

async function endsWithNewline(handle: FileHandle): Promise<boolean> {
  const { size } = await handle.stat();
  if (size === 0) return true;
  const byte = Buffer.alloc(1);
  await handle.read(byte, 0, 1, size - 1);
  return byte[0] === 0x0a;
}

/** write(2) may write less than asked (a full disk); the rest goes in further writes. */
async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, null);
    if (bytesWritten === 0) throw Object.assign(new Error('no byte written'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}
