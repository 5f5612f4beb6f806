/**
 * Where Versio's package is installed: the directory of its package.json, found by walking up
 * from this module. The module may be in src/ (tests), in dist/ (tsc's output) or in a chunk of
 * the CLI's bundle (dist/cli/chunks/, scripts/bundle.mjs), so no fixed relative path fits all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (manifest.name === 'versio') return dir;
    } catch {}
    if (path.dirname(dir) === dir) throw new Error(`package.json of versio not found above ${from}`);
  }
}

export const packageRoot: string = findPackageRoot(fileURLToPath(import.meta.url));

/** The CLI a user runs (package.json "bin"); what `versio engine start` starts in the background. */
export const cliEntry: string = path.join(packageRoot, 'dist/cli/bin.js');
