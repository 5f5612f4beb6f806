import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * e2e tests spawn the built CLI: build dist/ (and bundle the CLI) once before any test runs. `npm test` has
 * already built it (and failed on a type error); this keeps `npx vitest` runs current too.
 */
export default function setup(): () => void {
  // The Apertium repair's look-up cache (lookup-cache.ts): one for the run, never the user's.
  const cacheDir = mkdtempSync(join(tmpdir(), 'versio-test-cache-'));
  process.env.VERSIO_CACHE_DIR = cacheDir;
  // Never a developer's engine server (`versio engine start`): tests that want one start their own.
  process.env.VERSIO_ENGINE = 'local';
  delete process.env.VERSIO_ENGINE_SOCKET;
  const root = new URL('../../', import.meta.url).pathname;
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], {
      cwd: root,
      stdio: 'pipe',
    });
    // The CLI the tests spawn is the bundle users run (scripts/bundle.mjs).
    execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    process.stderr.write(`global-setup: build failed, e2e tests run the previous dist/:\n${output}\n`);
  }
  return () => rmSync(cacheDir, { recursive: true, force: true });
}
