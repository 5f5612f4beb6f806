/**
 * Where Versio's package is installed: the directory of its package.json, found by walking up
 * from this module. The module may be in src/ (tests), in dist/ (tsc's output) or in a chunk of
 * the CLI's bundle (dist/cli/chunks/, scripts/bundle.mjs), so no fixed relative path fits all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Manifest {
  name?: string;
  version: string;
}

function findPackage(from: string): { root: string; manifest: Manifest } {
  for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
      if (manifest.name === 'versio') return { root: dir, manifest };
    } catch {}
    if (path.dirname(dir) === dir) throw new Error(`package.json of versio not found above ${from}`);
  }
}

const found = findPackage(fileURLToPath(import.meta.url));

export const packageRoot: string = found.root;

/** Versio's package.json, read once (version.ts takes the version from it). */
export const packageManifest: Readonly<Manifest> = found.manifest;

/** The CLI a user runs (package.json "bin"); what `versio engine start` starts in the background. */
export const cliEntry: string = path.join(packageRoot, 'dist/cli/bin.js');
