/**
 * writeFileAtomic against real read-only and full file systems (tmpfs mounts; the tests run
 * as root, so chmod would not stop the write). Where mounting is not allowed, the same
 * assertions run against a fault-injecting fs that fails the way the kernel would.
 */
import { execFileSync } from 'node:child_process';
import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { type AtomicWriteFs, writeFileAtomic } from '../../src/io/atomic-write.js';

let dir: string;
let mounted = false;

/** Mount a small tmpfs on `dir`; false when this environment does not allow it. */
function mountTmpfs(size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    mounted = true;
    return true;
  } catch {
    return false;
  }
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'versio-mount-'));
  mounted = false;
});
afterEach(async () => {
  if (mounted) execFileSync('umount', [dir]);
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic on a real file system', () => {
  it('keeps the old file on a read-only directory', async () => {
    const target = join(dir, 'article.en.txt');
    let fs: AtomicWriteFs = nodeFs;
    if (mountTmpfs('64k')) {
      await writeFile(target, 'old content');
      execFileSync('mount', ['-o', 'remount,ro', dir]);
    } else {
      await writeFile(target, 'old content');
      fs = {
        ...nodeFs,
        open: async () => {
          throw errno('EROFS');
        },
      };
    }
    const attempt = writeFileAtomic(target, 'new content', fs);
    await expect(attempt).rejects.toBeInstanceOf(OutputError);
    await expect(attempt).rejects.toThrow(`cannot write ${target}: directory is read-only / not writable`);
    expect(await readFile(target, 'utf8')).toBe('old content');
    expect(await readdir(dir)).toEqual(['article.en.txt']);
  });

  it('keeps the old file and removes the temp file when the disk is full', async () => {
    const target = join(dir, 'article.en.txt');
    let fs: AtomicWriteFs = nodeFs;
    if (!mountTmpfs('64k')) {
      fs = {
        ...nodeFs,
        async open(path, flags, mode) {
          const handle = await nodeFs.open(path, flags, mode);
          return {
            writeFile: async () => {
              throw errno('ENOSPC');
            },
            sync: () => handle.sync(),
            close: () => handle.close(),
          };
        },
      };
    }
    await writeFile(target, 'old content');
    const attempt = writeFileAtomic(target, 'x'.repeat(1024 * 1024), fs);
    await expect(attempt).rejects.toThrow(`cannot write ${target}: disk full`);
    expect(await readFile(target, 'utf8')).toBe('old content');
    expect(await readdir(dir)).toEqual(['article.en.txt']);
  });
});
