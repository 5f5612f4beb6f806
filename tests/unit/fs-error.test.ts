import { describe, expect, it } from 'vitest';
import { describeFsError, type FsAccess } from '../../src/io/fs-error.js';

const errno = (code: string) => Object.assign(new Error(`${code}: node's own words`), { code });

describe('describeFsError: an errno in words, for the operation that failed', () => {
  it.each<[FsAccess, string, string]>([
    ['read', 'ENOENT', 'no such file'],
    ['read', 'EACCES', 'permission denied'],
    ['read', 'EPERM', 'permission denied'],
    ['read', 'EISDIR', 'is a directory, not a text file'],
    ['write', 'EACCES', 'directory is read-only / not writable'],
    ['write', 'EPERM', 'directory is read-only / not writable'],
    ['write', 'EROFS', 'directory is read-only / not writable'],
    ['write', 'ENOSPC', 'disk full'],
    ['write', 'EDQUOT', 'disk full'],
    ['write', 'ENOENT', 'directory does not exist'],
    ['write', 'ENOTDIR', 'a parent of the path is a file, not a directory'],
    ['write', 'EISDIR', 'the path is a directory'],
  ])('%s %s → %s', (access, code, words) => {
    expect(describeFsError(errno(code), access)).toBe(words);
  });

  it.each<[string, unknown, string]>([
    ['an errno it has no words for keeps Node’s message', errno('EMFILE'), "EMFILE: node's own words"],
    ['an error without a code keeps its message', new Error('boom'), 'boom'],
    ['a thrown non-error is shown as text', 'odd', 'odd'],
    ['a read code is not a write word (ENOSPC on read)', errno('ENOSPC'), "ENOSPC: node's own words"],
  ])('%s', (_rule, error, words) => {
    expect(describeFsError(error, 'read')).toBe(words);
  });
});
