/**
 * The translation memory: an append-only JSON Lines file, one MemoryRecord per line.
 *
 * What it guarantees:
 * - It scales: the file is read as a stream, never whole; RAM holds only an index of key →
 *   byte offset (index-table.ts), and a target is read from the file on a hit.
 * - Crash safety: `append` resolves only after its lines are written and fsynced. A process
 *   killed mid-append leaves at most one torn (unterminated, unparseable) line; reading skips
 *   torn lines wherever they are, and the next append starts on a fresh line.
 * - Several processes may share one memory. Appends, claims and `tm compact` take the
 *   memory's lock (lock.ts); each append is one write(2) of whole lines with O_APPEND. A
 *   process reads what others appended (the file's new tail) before it claims and while it
 *   waits, so it never pays for what another paid for (claimer.ts). Keep a shared memory on a
 *   local disk: NFS honours neither O_APPEND nor mkdir locks reliably.
 * - Later records win on lookup, except that a machine record never replaces a human one.
 */
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError, OutputError } from '../errors.js';
import { describeFsError, syncDirectory } from '../io/atomic-write.js';
import { Claimer } from './claimer.js';
import { IndexTable, keyHash } from './index-table.js';
import { withLock } from './lock.js';
import type { Claim, MemoryStore } from './memory-store.js';
import { isImported, type MemoryRecord, pickRecord } from './record.js';
import { type Line, linesFrom, nextOffset, quickRecord, readLineAt } from './scan.js';

export type { MemoryRecord } from './record.js';

export interface OpenOptions {
  /** How long a claim lives without renewal (a crashed claimant's keys are taken over after it). */
  leaseMs?: number;
  /** How often a process waiting for another's claim re-reads the file. */
  pollMs?: number;
}

export class TranslationMemory implements MemoryStore {
  readonly path: string;
  private torn: number[] = [];
  /** File size at the last read: past `end`, a line not ended yet (being written, or torn). */
  private seen = 0;
  private index = new IndexTable();
  private imported = new Map<number, number>();
  private handle: FileHandle | undefined;
  private retired: FileHandle[] = [];
  private ino: number | undefined;
  private end = 0;
  private lines = 0;
  private nonEmpty = 0;
  /** Appends and claims of one process run one after the other (one lock attempt at a time). */
  private queue: Promise<unknown> = Promise.resolve();
  private reading: Promise<unknown> = Promise.resolve();
  private readonly claimer: Claimer;

  private constructor(path: string, options: OpenOptions) {
    this.path = path;
    this.claimer = new Claimer(this, options);
  }

  /** Open (creating the parent directory); a missing file is an empty memory. */
  static async open(path: string, options: OpenOptions = {}): Promise<TranslationMemory> {
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (error) {
      const why = describeFsError(error);
      throw new OutputError(`cannot create the memory directory for ${path}: ${why}`, { cause: error });
    }
    const memory = new TranslationMemory(path, options);
    try {
      await memory.refresh();
    } catch (error) {
      if (error instanceof InputError) throw error;
      const why = describeFsError(error);
      throw new InputError(`cannot read the translation memory ${path}: ${why}`, { cause: error });
    }
    return memory;
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
    return record &&
      importedIndex(record.source, record.sourceLang, record.targetLang) ===
        importedIndex(source, sourceLang, targetLang)
      ? record
      : undefined;
  }

  /** Append and fsync the records under the lock (one write of whole lines); resolves once durable. */
  async append(records: readonly MemoryRecord[]): Promise<void> {
    if (records.length === 0) return;
    const picked = records.map((record) => {
      const result = pickRecord(record);
      if (typeof result === 'string') throw new TypeError(`memory record ${record.key}: ${result}`);
      return result;
    });
    const body = picked.map((r) => `${JSON.stringify(r)}\n`).join('');
    await this.serial(async () => {
      try {
        await withLock(this.path, () => this.write(body));
      } catch (error) {
        const why = describeFsError(error);
        throw new OutputError(`cannot append to the translation memory ${this.path}: ${why}`, {
          cause: error,
        });
      }
    });
    this.claimer.settled(picked);
  }

  claim(keys: readonly string[]): Promise<Map<string, Claim>> {
    return this.claimer.claim(keys);
  }

  release(keys: readonly string[]): Promise<void> {
    return this.claimer.release(keys);
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

  async close(): Promise<void> {
    await this.claimer.close();
    await this.queue;
    const handles = [...this.retired, ...(this.handle ? [this.handle] : [])];
    this.handle = undefined;
    this.retired = [];
    await Promise.allSettled(handles.map((h) => h.close()));
  }

  /** Runs `work` after this process's earlier appends and claims. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const done = this.queue.then(work);
    this.queue = done.catch(() => undefined);
    return done;
  }

  /** Index what was appended since the last read; a replaced file (`tm compact`) is read afresh. */
  refresh(): Promise<void> {
    // One read at a time: two would index the same tail twice.
    const done = this.reading.then(() => this.readTail());
    this.reading = done.catch(() => undefined);
    return done;
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

  /** Under the lock: read others' tail, write ours on a fresh line, fsync, index it. */
  private async write(body: string): Promise<void> {
    await this.refresh();
    const existed = this.handle !== undefined;
    const handle = await open(this.path, 'a', 0o644);
    try {
      // A torn line left by a killed process must not swallow our first record.
      const { size } = await handle.stat();
      const bytes = Buffer.from(size > this.end ? `\n${body}` : body, 'utf8');
      await writeAll(handle, bytes);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    // A new file's directory entry must be durable too.
    if (!existed) await syncDirectory(dirname(this.path));
    await this.refresh();
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
      this.imported.set(
        keyHash(importedIndex(record.source, record.sourceLang, record.targetLang)),
        line.offset,
      );
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

function importedIndex(source: string, sourceLang: string, targetLang: string): string {
  return JSON.stringify([sourceLang.toLowerCase(), targetLang.toLowerCase(), source]);
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

export { parseMemory } from './parse.js';
