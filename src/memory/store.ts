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
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError, OutputError } from '../errors.js';
import { syncDirectory } from '../io/atomic-write.js';
import { describeFsError } from '../io/fs-error.js';
import { withLock } from '../io/lock.js';
import { Claimer } from './claimer.js';
import { FileIndex } from './file-index.js';
import type { Claim, MemoryStore } from './memory-store.js';
import { type MemoryRecord, pickRecord } from './record.js';

export type { MemoryRecord } from './record.js';

export interface OpenOptions {
  /** How long a claim lives without renewal (a crashed claimant's keys are taken over after it). */
  leaseMs?: number;
  /** How often a process waiting for another's claim re-reads the file. */
  pollMs?: number;
}

export class TranslationMemory implements MemoryStore {
  readonly path: string;
  private readonly file: FileIndex;
  /** Appends and claims of one process run one after the other (one lock attempt at a time). */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly claimer: Claimer;

  private constructor(path: string, options: OpenOptions) {
    this.path = path;
    this.file = new FileIndex(path);
    this.claimer = new Claimer(this, options);
  }

  /** Open (creating the parent directory); a missing file is an empty memory. */
  static async open(path: string, options: OpenOptions = {}): Promise<TranslationMemory> {
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (error) {
      const why = describeFsError(error, 'write');
      throw new OutputError(`cannot create the memory directory for ${path}: ${why}`, { cause: error });
    }
    const memory = new TranslationMemory(path, options);
    try {
      await memory.refresh();
    } catch (error) {
      if (error instanceof InputError) throw error;
      const why = describeFsError(error, 'read');
      throw new InputError(`cannot read the translation memory ${path}: ${why}`, { cause: error });
    }
    return memory;
  }

  get size(): number {
    return this.file.size;
  }

  /** Non-empty lines (records, superseded ones and torn lines, an unended last line included). */
  get lineCount(): number {
    return this.file.lineCount;
  }

  /** 1-based lines of the file that are torn writes (skipped), an unended last line included. */
  get tornLines(): readonly number[] {
    return this.file.tornLines;
  }

  lookup(key: string): Promise<MemoryRecord | undefined> {
    return this.file.lookup(key);
  }

  lookupImported(source: string, sourceLang: string, targetLang: string): Promise<MemoryRecord | undefined> {
    return this.file.lookupImported(source, sourceLang, targetLang);
  }

  /** The record `lookup` returns for each key, in order of their last write, streamed from the file. */
  iterate(): AsyncGenerator<MemoryRecord> {
    return this.file.iterate();
  }

  /** Index what others appended since the last read. */
  refresh(): Promise<void> {
    return this.file.refresh();
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
        const why = describeFsError(error, 'write');
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

  async close(): Promise<void> {
    await this.claimer.close();
    await this.queue;
    await this.file.close();
  }

  /** Runs `work` after this process's earlier appends and claims. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const done = this.queue.then(work);
    this.queue = done.catch(() => undefined);
    return done;
  }

  /** Under the lock: read others' tail, write ours on a fresh line, fsync, index it. */
  private async write(body: string): Promise<void> {
    await this.refresh();
    const existed = this.file.exists;
    const handle = await open(this.path, 'a', 0o644);
    try {
      // A torn line left by a killed process must not swallow our first record.
      const { size } = await handle.stat();
      const bytes = Buffer.from(size > this.file.end ? `\n${body}` : body, 'utf8');
      await writeAll(handle, bytes);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    // A new file's directory entry must be durable too.
    if (!existed) await syncDirectory(dirname(this.path));
    await this.refresh();
  }
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
