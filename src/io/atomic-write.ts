/**
 * Atomic file writing: readers see the old file or the new one, never half of either.
 * Temp file in the target's directory (rename is atomic only within one file system),
 * fsync the data, rename over the target, then fsync the directory so the rename itself
 * survives a power cut.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OutputError } from '../errors.js';
import { describeFsError } from './fs-error.js';

/** The file-system calls writeFileAtomic makes; tests pass a fault-injecting one. */
export interface AtomicWriteFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  open(path: string, flags: string, mode?: number): Promise<AtomicWriteHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

export interface AtomicWriteHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `durable`: fsync the data and the directory, so the new file survives a power cut (the
 * default, for files that are a source of truth: XLIFF, memory exports, glossaries).
 * `atomic`: rename only — readers and a crashed process still see the old file or the new one,
 * never a mix; for outputs rebuilt from a durable one (`versio render` makes them again from
 * the XLIFF), where an fsync each would cost more than the work that made them.
 */
export type Durability = 'durable' | 'atomic';

/**
 * Write `data` to `path` atomically, creating missing parent directories (mkdir -p).
 * On any failure the temp file is removed, the target is untouched, and an OutputError
 * names the path and the cause in words.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  fs: AtomicWriteFs = nodeFs,
  durability: Durability = 'durable',
): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    await fs.mkdir(dir, { recursive: true });
    // 'wx': the name is unique, so an existing file means something else is going on.
    const handle = await fs.open(temp, 'wx', 0o644);
    created = true;
    try {
      await handle.writeFile(data);
      if (durability === 'durable') await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
    created = false;
  } catch (error) {
    if (created) await fs.rm(temp, { force: true }).catch(() => undefined);
    throw new OutputError(`cannot write ${path}: ${describeFsError(error, 'write')}`, { cause: error });
  }
  if (durability === 'durable') await syncDirectory(dir, fs);
}

/**
 * fsync a directory so a rename or a new file in it survives a power cut.
 * Best effort: some file systems (and Windows) refuse to open or fsync a directory.
 */
export async function syncDirectory(dir: string, fs: AtomicWriteFs = nodeFs): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The data is already in place; only its durability across a power cut is weaker.
  }
}
