/**
 * Which build of Versio this process runs: its version and the state of its compiled CLI. An
 * engine server runs commands for clients of its own build only (engine-run.ts): after an upgrade
 * or a rebuild, a server still running the old code would otherwise answer with it.
 */
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { version } from '../version.js';

/**
 * The file this code was loaded from stands for the build: tsc's dist/cli/build.js or the
 * bundle's chunk (scripts/bundle.mjs), each written afresh by every build. undefined when run
 * from sources (tests): such a build matches none.
 */
export async function buildStamp(): Promise<string | undefined> {
  const file = fileURLToPath(import.meta.url);
  if (file.endsWith('.ts')) return undefined;
  const compiled = await stat(file).catch(() => undefined);
  return compiled && `${version}:${file}:${compiled.size}:${compiled.mtimeMs}:${compiled.ino}`;
}
