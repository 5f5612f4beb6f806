/**
 * The DeepL key never leaves the process: not in stdout/stderr (even with --debug), the outputs, the
 * XLIFF, the memory or anything else a run writes, whether it succeeds or fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { type DeeplServer, type DeeplServerOptions, startDeeplServer } from '../support/deepl-server.js';
import { makeArticles, runDeepl } from './deepl-run.js';
import { filesUnder } from './support.js';

const CANARY = 'canary-7f3a9c1e-secret:fx';
/** The distinctive part alone, in case a message cut the key or dropped the `:fx` suffix. */
const CANARY_CORE = '7f3a9c1e-secret';

const dir = tempDir('versio-secrets-');
const { files } = makeArticles(dir.path, 2, 3);
const servers: DeeplServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  dir.cleanup();
});

async function urlOf(options: DeeplServerOptions | 'unreachable'): Promise<string> {
  const server = await startDeeplServer(options === 'unreachable' ? {} : options);
  if (options === 'unreachable') {
    await server.close();
  } else servers.push(server);
  return server.url;
}

const runs: [name: string, server: DeeplServerOptions | 'unreachable', code: number][] = [
  ['success', { authKeys: [CANARY] }, 0],
  ['key refused (403)', { authKeys: ['another-key:fx'] }, 3],
  ['server unreachable', 'unreachable', 3],
  ['quota exceeded (456)', { authKeys: [CANARY], characterLimit: 150 }, 4],
  ['429 storm', { authKeys: [CANARY], faults: { '429-count': 100_000, '429-retry-after': 0 } }, 3],
];
/** Extra options per run: a 429 storm gives up once a short retry budget is spent. */
const options: Record<string, string[]> = { '429 storm': ['--retry-budget', '1'] };

describe('the DeepL key appears nowhere', () => {
  it.each(
    runs.flatMap(([name, server, code]) => [
      [`${name}`, server, code, []] as const,
      [`${name} --debug --json`, server, code, ['--debug', '--json']] as const,
    ]),
  )('%s', async (name, server, code, extra) => {
    const run = join(dir.path, name.replace(/\W+/g, '-'));
    const result = await runDeepl(
      await urlOf(server),
      files,
      join(run, 'out'),
      join(run, 'memory.jsonl'),
      [...extra, ...(options[name.replace(' --debug --json', '')] ?? [])],
      CANARY,
    );
    expect(result.code, result.stderr).toBe(code);
    for (const text of [result.stdout, result.stderr]) expect(text).not.toContain(CANARY_CORE);
    const written = filesUnder(run);
    if (code === 0) expect(written.length).toBeGreaterThan(5);
    for (const f of written) expect(readFileSync(join(run, f), 'utf8'), f).not.toContain(CANARY_CORE);
  });
});
