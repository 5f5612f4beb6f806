/**
 * Which build of Versio this process runs: its version and the state of its compiled CLI. An
 * engine server runs commands for clients of its own build only (engine-run.ts): after an upgrade
 * or a rebuild, a server still running the old code would otherwise answer with it.
 */
import { stat } from 'node:fs/promises';
import { version } from '../version.js';

/** undefined when the compiled CLI cannot be found (run from sources): such a build matches none. */
export async function buildStamp(): Promise<string | undefined> {
  const compiled = await stat(new URL('./main.js', import.meta.url)).catch(() => undefined);
  return compiled && `${version}:${compiled.size}:${compiled.mtimeMs}:${compiled.ino}`;
}
