/**
 * `versio tm compact`: rewrite the memory with only the record each key resolves to (dropping
 * superseded and duplicate records and torn lines), and drop claims whose lease has ended.
 * The new file is written beside the old one, fsynced and renamed over it (atomic); the
 * memory's lock is held throughout, so no process appends to the old file meanwhile, and
 * each process notices the new file (its inode) at its next read and indexes it afresh.
 */
import { open, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError, OutputError } from '../errors.js';
import { syncDirectory } from '../io/atomic-write.js';
import { describeFsError } from '../io/fs-error.js';
import { withLock } from '../io/lock.js';
import { ClaimBook } from './claims.js';
import { TranslationMemory } from './store.js';

export interface Compaction {
  /** Non-empty lines before (records, superseded ones and torn lines). */
  linesBefore: number;
  /** Records kept: one per key. */
  records: number;
  bytesBefore: number;
  bytesAfter: number;
}

export async function compactMemory(path: string): Promise<Compaction> {
  const before = await stat(path).catch(() => undefined);
  if (before === undefined) {
    throw new InputError(`no translation memory at ${path}`, {
      hint: 'translate an article first, or name the memory with --memory <path>',
    });
  }
  return withLock(path, async () => {
    const memory = await TranslationMemory.open(path);
    const temp = `${path}.compact-${process.pid}.tmp`;
    try {
      const records = await writeWinners(memory, temp);
      await rename(temp, path);
      await syncDirectory(dirname(path));
      const claims = new ClaimBook(path);
      await claims.refresh();
      await claims.dropIfIdle('', Date.now());
      const after = await stat(path);
      return { linesBefore: memory.lineCount, records, bytesBefore: before.size, bytesAfter: after.size };
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      if (error instanceof InputError) throw error;
      throw new OutputError(
        `cannot compact the translation memory ${path}: ${describeFsError(error, 'write')}`,
        {
          cause: error,
        },
      );
    } finally {
      await memory.close();
    }
  });
}

/** Streams the winning records to `temp` in blocks, fsynced; returns how many. */
async function writeWinners(memory: TranslationMemory, temp: string): Promise<number> {
  const handle = await open(temp, 'w', 0o644);
  try {
    let count = 0;
    let block: string[] = [];
    const flush = async () => {
      const bytes = Buffer.from(block.join(''), 'utf8');
      block = [];
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
      }
    };
    for await (const record of memory.iterate()) {
      block.push(`${JSON.stringify(record)}\n`);
      count += 1;
      if (block.length >= 4096) await flush();
    }
    await flush();
    await handle.datasync();
    return count;
  } finally {
    await handle.close();
  }
}
