#!/usr/bin/env node
/**
 * Bundles the CLI (src/cli/bin.ts) into dist/cli/bin.js and its chunks under dist/cli/chunks/:
 * one file per lazily loaded part instead of the ~280 modules Node would otherwise resolve,
 * read and compile one by one at every start (bench/README.md, figures 1 and 5). `npm run build`
 * runs it after `tsc` (which type-checks and still writes every module to dist/, for the bench
 * and for anything importing Versio's parts).
 *
 * Packages stay outside the bundle when they read files of their own at run time or load only
 * for one engine (DeepL, OpenAI-compatible servers, Redis): Node loads them from node_modules as
 * before.
 *
 * `node scripts/bundle.mjs --meta` also prints the bytes each package puts in the bundle.
 */
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/cli');

const EXTERNAL = ['bullmq', 'ioredis', 'deepl-node', 'openai', 'playwright-core'];

await rm(join(outdir, 'chunks'), { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { bin: 'src/cli/bin.ts' },
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // CommonJS packages in an ES module bundle call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __versioRequire } from 'node:module'; const require = __versioRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  metafile: process.argv.includes('--meta'),
  logLevel: 'warning',
  allowOverwrite: true,
});
if (result.metafile) {
  const packages = new Map();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? '(versio)';
    packages.set(name, (packages.get(name) ?? 0) + input.bytes);
  }
  for (const [name, bytes] of [...packages].sort((a, b) => b[1] - a[1])) console.log(name, bytes);
}
