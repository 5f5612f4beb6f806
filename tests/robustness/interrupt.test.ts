/**
 * `kill -9` and Ctrl-C of the built CLI in the middle of a DeepL run, then a rerun: no output is
 * half-written, nothing finished is lost or paid for twice, and the result equals an uninterrupted run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { type DeeplServer, startDeeplServer } from '../support/deepl-server.js';
import {
  billed,
  deeplEnv,
  interruptWhenStored,
  KEY,
  makeArticles,
  memorySources,
  runDeepl,
  translateArgs,
} from './deepl-run.js';
import { expectSameTranslation, filesUnder, isTemp } from './support.js';

const dir = tempDir('versio-interrupt-');
const { files, sources } = makeArticles(dir.path, 6, 9);
const perArticle = sources.length / 6;
const reference = join(dir.path, 'reference');
const servers: DeeplServer[] = [];
async function server(latencyMs?: number): Promise<DeeplServer> {
  const started = await startDeeplServer({ authKeys: [KEY], ...(latencyMs ? { latencyMs } : {}) });
  servers.push(started);
  return started;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  dir.cleanup();
});

beforeAll(async () => {
  const result = await runDeepl(await server(), files, reference, join(dir.path, 'reference.jsonl'));
  expect(result.code, result.stderr).toBe(0);
});

/** Every output file is absent or equal to the uninterrupted run's: never a mix. */
function expectWholeFiles(out: string): void {
  for (const f of filesUnder(out).filter((f) => !isTemp(f))) {
    expect(readFileSync(join(out, f), 'utf8'), `${f} is half-written`).toBe(
      readFileSync(join(reference, f), 'utf8'),
    );
  }
}

async function rerunAndCompare(out: string, memory: string): Promise<void> {
  const kept = memorySources(memory);
  expect(kept.length).toBeGreaterThanOrEqual(2 * perArticle);
  const after = await server();
  const rerun = await runDeepl(after, files, out, memory);
  expect(rerun.code, rerun.stderr).toBe(0);
  // 0 re-billed: nothing kept in the memory is sent again, and only the rest is billed.
  const sent = after.stats().translations.flatMap((t) => t.texts);
  expect(sent.filter((t) => kept.includes(t))).toEqual([]);
  const rest = sources.filter((s) => !kept.includes(s));
  expect(after.stats().billedCharacters).toBe(billed(rest));
  // 0 lost: every segment is in the memory, and the outputs equal the uninterrupted run's.
  expect(new Set(memorySources(memory))).toEqual(new Set(sources));
  expectSameTranslation(out, reference);
}

describe('interrupting a run', () => {
  it('kill -9 after two articles were stored: whole files only, the rerun finishes without re-billing', async () => {
    const out = join(dir.path, 'killed');
    const memory = join(dir.path, 'killed.jsonl');
    const slow = await server(250);
    const killed = await interruptWhenStored(
      translateArgs(files, out, memory),
      deeplEnv(slow),
      memory,
      2 * perArticle,
      'SIGKILL',
    );
    expect(killed.signal).toBe('SIGKILL');
    expect(memorySources(memory).length).toBeLessThan(sources.length);
    expectWholeFiles(out);
    await rerunAndCompare(out, memory);
  });

  it('Ctrl-C (SIGINT): exit 130 and one line saying how many segments are kept; the rerun finishes', async () => {
    const out = join(dir.path, 'interrupted');
    const memory = join(dir.path, 'interrupted.jsonl');
    const slow = await server(250);
    const stopped = await interruptWhenStored(
      translateArgs(files, out, memory),
      deeplEnv(slow),
      memory,
      2 * perArticle,
      'SIGINT',
    );
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).not.toContain('\n    at ');
    const kept = memorySources(memory).length;
    expect(kept).toBeLessThan(sources.length);
    const lines = stopped.stderr.trim().split('\n');
    expect(lines.at(-1)).toBe(
      `versio: interrupted: ${kept} segment(s) translated in this run are kept in ${memory}; run the same command again to finish`,
    );
    expectWholeFiles(out);
    await rerunAndCompare(out, memory);
  });
});
