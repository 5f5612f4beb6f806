/**
 * Faults on the Apertium path, with the real engine: the fr-es mode gets one more stage, a small
 * null-flush filter that passes records through until it sees a trigger word, then kills itself
 * (SIGKILL, as the OOM killer would) or drops that record (tests/support/apertium-extra-stage.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_STAGE, FAULT_TRIGGER, installationWithExtraStage } from '../support/apertium-extra-stage.js';
import { runMain, tempDir } from '../support/cli.js';
import { defined } from '../support/defined.js';
import { testJobs } from '../support/jobs.js';
import { memorySources } from './deepl-run.js';
import { expectRefusal, expectSameTranslation, filesUnder, put } from './support.js';

const dir = tempDir('versio-apertium-faults-');
afterAll(() => dir.cleanup());

let env: NodeJS.ProcessEnv;
const articles: string[] = [];
let reference: string;

beforeAll(async () => {
  env = installationWithExtraStage(join(dir.path, 'engine'), FAULT_STAGE);

  articles.push(
    put(dir.path, 'one.fr.txt', 'Le conseil municipal a voté le budget.\nLa séance a duré six heures.\n'),
    put(
      dir.path,
      'two.fr.txt',
      `Le maire a rencontré ${FAULT_TRIGGER} mardi.\nLes travaux commencent au printemps.\n`,
    ),
    put(dir.path, 'three.fr.txt', 'Une réunion publique est prévue en octobre.\n'),
  );
  reference = join(dir.path, 'reference');
  const result = await translate(reference, join(dir.path, 'reference.jsonl'), {});
  expect(result.code, result.stderr).toBe(0);
});

function translate(out: string, memory: string, fault: NodeJS.ProcessEnv) {
  return runMain(
    [
      'translate',
      ...articles,
      '--provider',
      'apertium',
      '--no-glossary',
      '--jobs',
      testJobs(),
      '--out',
      out,
      '--memory',
      memory,
      '--json',
    ],
    { env: { ...env, ...fault } },
  );
}

const sourcesOf = (path: string) => readFileSync(path, 'utf8').trim().split('\n');

describe('the engine process dies mid-run', () => {
  it('once: the batch is retried on a fresh pipeline and the run completes as if nothing happened', async () => {
    const once = join(dir.path, 'killed-once');
    const out = join(dir.path, 'once');
    const result = await translate(out, join(dir.path, 'once.jsonl'), {
      VERSIO_FAULT: 'kill',
      VERSIO_FAULT_ONCE: once,
    });
    expect(existsSync(once)).toBe(true); // the fault did fire
    expect(result.code, result.stderr).toBe(0);
    expectSameTranslation(out, reference);
  });

  it('every time: exit 3 naming the segments, the finished article kept; the rerun translates only the rest', async () => {
    const out = join(dir.path, 'always');
    const memory = join(dir.path, 'always.jsonl');
    const result = await translate(out, memory, { VERSIO_FAULT: 'kill' });
    expectRefusal(
      result,
      3,
      // The faulty article fails alone (the others are written): the run names it and its segments.
      /^versio: 1 of 3 document\(s\) not translated \(2 written\):\n {2}\S*two\.fr\.txt: Apertium failed on segment\(s\) p1\.s1, p1\.s2: fault was killed \(SIGKILL\)/m,
    );
    const kept = expectFinishedWorkKept(out, memory);

    const rerun = await translate(out, memory, {});
    expect(rerun.code, rerun.stderr).toBe(0);
    const summary = JSON.parse(rerun.stdout) as { documents: { path: string; translated: number }[] };
    // Nothing re-translated: whatever the memory holds comes from it, whichever article it belongs to.
    for (const article of articles) {
      const document = summary.documents.find((d) => basename(d.path) === basename(article));
      expect(document?.translated, article).toBe(sourcesOf(article).filter((s) => !kept.includes(s)).length);
    }
    expectSameTranslation(out, reference);
  });
});

describe('the engine drops a segment', () => {
  it('exit 3 at once (no hang), naming the segment; finished work kept', async () => {
    const out = join(dir.path, 'drop');
    const memory = join(dir.path, 'drop.jsonl');
    const result = await translate(out, memory, { VERSIO_FAULT: 'drop' });
    expectRefusal(
      result,
      3,
      /^versio: Apertium answers came back out of order or incomplete for segment\(s\) p1\.s1, p1\.s2$/m,
    );
    expectFinishedWorkKept(join(dir.path, 'drop'), memory);
  });
});

/**
 * Whatever the order the articles ran in (VERSIO_TEST_JOBS): nothing of the faulty article is
 * stored or written, and an article is written exactly when all of it is in the memory. Returns
 * the sources the memory holds.
 */
function expectFinishedWorkKept(out: string, memory: string): string[] {
  const kept = memorySources(memory);
  const faulty = defined(articles[1], 'the faulty article');
  expect(kept.filter((s) => sourcesOf(faulty).includes(s))).toEqual([]);
  for (const article of articles) {
    const name = basename(article).replace(/\.fr\.txt$/, '.');
    // Written if and only if all of it is stored: finished work is never dropped, half work never written.
    const written = filesUnder(out).some((f) => f.startsWith(name));
    expect(written, article).toBe(sourcesOf(article).every((s) => kept.includes(s)));
  }
  expect(filesUnder(out).some((f) => f.startsWith('two.'))).toBe(false);
  return kept;
}
