/**
 * A file-system failure in words, for one-line messages: what the errno means for the
 * operation that failed (ENOENT is "no such file" when reading one, "directory does not
 * exist" when writing into one). Unknown codes keep Node's own message.
 */

/** Reading an input file, or writing an output (with its directory). */
export type FsAccess = 'read' | 'write';

const WORDS: Record<FsAccess, Readonly<Record<string, string>>> = {
  read: {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a directory, not a text file',
  },
  write: {
    EACCES: 'directory is read-only / not writable',
    EPERM: 'directory is read-only / not writable',
    EROFS: 'directory is read-only / not writable',
    ENOSPC: 'disk full',
    EDQUOT: 'disk full',
    ENOENT: 'directory does not exist',
    ENOTDIR: 'a parent of the path is a file, not a directory',
    EISDIR: 'the path is a directory',
  },
};

export function describeFsError(error: unknown, access: FsAccess): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words = code === undefined ? undefined : WORDS[access][code];
  return words ?? (error instanceof Error ? error.message : String(error));
}
