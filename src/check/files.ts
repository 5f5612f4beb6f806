/**
 * Expanding the command line's files and globs. Node 20 has no fs.glob (added in 22), so globs go
 * through tinyglobby (the small globber vite and vitest use). The shell usually expands globs itself;
 * quoted ones ('translations/**\/*.xlf', as CI configs write them) arrive here.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../errors.js';
import { describeFsError } from '../io/fs-error.js';

/** Absolute paths, in command-line order, each once; a pattern's matches sorted. */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<string[]> {
  if (inputs.length === 0)
    throw new InputError('no XLIFF files given', { hint: 'versio check translations/*.xlf' });
  const out: string[] = [];
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const matches = await glob([input], { cwd, absolute: true, onlyFiles: true, expandDirectories: false });
      if (matches.length === 0) throw new InputError(`${input}: no file matches this pattern`);
      out.push(...matches.map((m) => resolve(m)).sort());
    } else {
      const path = resolve(cwd, input);
      const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
        throw new InputError(`${input}: cannot read: ${describeFsError(error, 'read')}`, { cause: error });
      });
      if (!info.isFile())
        throw new InputError(`${input}: not a file`, {
          hint: 'give XLIFF files or a glob such as dir/*.xlf',
        });
      out.push(path);
    }
  }
  return [...new Set(out)];
}

/** Relative to `cwd` with forward slashes; absolute (still forward slashes) when outside it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  return shown.split(sep).join('/');
}
