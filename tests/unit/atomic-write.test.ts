import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { type AtomicWriteFs, writeFileAtomic } from '../../src/io/atomic-write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'versio-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** The real fs, with the temp file's write failing after a partial write. */
function failingWrite(code: string): AtomicWriteFs {
  return {
    ...nodeFs,
    async open(path, flags, mode) {
      const handle = await nodeFs.open(path, flags, mode);
      return {
        async writeFile(data) {
          await handle.writeFile(typeof data === 'string' ? data.slice(0, 3) : data.subarray(0, 3));
          throw errno(code);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

describe('writeFileAtomic', () => {
  it('writes a new file', async () => {
    const target = join(dir, 'out.txt');
    await writeFileAtomic(target, 'hello\n');
    expect(await readFile(target, 'utf8')).toBe('hello\n');
  });

  it('replaces an existing file and leaves no temp file behind', async () => {
    const target = join(dir, 'out.txt');
    await writeFile(target, 'old');
    await writeFileAtomic(target, new TextEncoder().encode('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['out.txt']);
  });

  it('creates missing parent directories', async () => {
    const target = join(dir, 'a', 'b', 'out.txt');
    await writeFileAtomic(target, 'x');
    expect(await readFile(target, 'utf8')).toBe('x');
  });

  it.each([
    ['EROFS', 'directory is read-only / not writable'],
    ['EACCES', 'directory is read-only / not writable'],
    ['ENOSPC', 'disk full'],
  ])('keeps the old file when the write fails with %s', async (code, words) => {
    const target = join(dir, 'out.txt');
    await writeFile(target, 'old content');
    const attempt = writeFileAtomic(target, 'new content', failingWrite(code));
    await expect(attempt).rejects.toBeInstanceOf(OutputError);
    await expect(attempt).rejects.toThrow(`cannot write ${target}: ${words}`);
    expect(await readFile(target, 'utf8')).toBe('old content');
    expect(await readdir(dir)).toEqual(['out.txt']);
  });

  it('keeps the old file when the rename fails', async () => {
    const target = join(dir, 'out.txt');
    await writeFile(target, 'old content');
    const fs: AtomicWriteFs = {
      ...nodeFs,
      rename: async () => {
        throw errno('EACCES');
      },
    };
    await expect(writeFileAtomic(target, 'new', fs)).rejects.toThrow(/read-only/);
    expect(await readFile(target, 'utf8')).toBe('old content');
    expect(await readdir(dir)).toEqual(['out.txt']);
  });

  it('names a parent that is a file', async () => {
    await writeFile(join(dir, 'file'), '');
    const target = join(dir, 'file', 'out.txt');
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow(`cannot write ${target}:`);
  });

  it('reports ENOENT as a missing directory', async () => {
    const fs: AtomicWriteFs = {
      ...nodeFs,
      mkdir: async () => {
        throw errno('ENOENT');
      },
    };
    const target = join(dir, 'gone', 'out.txt');
    await expect(writeFileAtomic(target, 'x', fs)).rejects.toThrow(
      `cannot write ${target}: directory does not exist`,
    );
  });

  it('gives one-line messages', async () => {
    const target = join(dir, 'out.txt');
    const error = await writeFileAtomic(target, 'x', failingWrite('ENOSPC')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('durability', () => {
  /** Counts the fsyncs a write makes. */
  function countingFs() {
    let syncs = 0;
    const fs: AtomicWriteFs = {
      mkdir: (path, options) => nodeFs.mkdir(path, options),
      open: async (path, flags, mode) => {
        const handle = await nodeFs.open(path, flags, mode);
        return {
          writeFile: (data) => handle.writeFile(data),
          sync: () => {
            syncs += 1;
            return handle.sync();
          },
          close: () => handle.close(),
        };
      },
      rename: (from, to) => nodeFs.rename(from, to),
      rm: (path, options) => nodeFs.rm(path, options),
    };
    return { fs, syncs: () => syncs };
  }

  it('a durable write fsyncs the file and its directory', async () => {
    const dir = await nodeFs.mkdtemp(join(tmpdir(), 'versio-durable-'));
    const counting = countingFs();
    await writeFileAtomic(join(dir, 'a.xlf'), 'x', counting.fs);
    expect(counting.syncs()).toBe(2);
    await nodeFs.rm(dir, { recursive: true });
  });
  it('an atomic-only write renames without fsync and still replaces the file whole', async () => {
    const dir = await nodeFs.mkdtemp(join(tmpdir(), 'versio-atomic-'));
    const target = join(dir, 'a.txt');
    await nodeFs.writeFile(target, 'old');
    const counting = countingFs();
    await writeFileAtomic(target, 'new', counting.fs, 'atomic');
    expect(counting.syncs()).toBe(0);
    expect(await nodeFs.readFile(target, 'utf8')).toBe('new');
    expect(await nodeFs.readdir(dir)).toEqual(['a.txt']);
    await nodeFs.rm(dir, { recursive: true });
  });
});
