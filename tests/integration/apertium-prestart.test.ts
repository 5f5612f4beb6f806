/**
 * `versio translate` starts Apertium's main pipeline before the rest of the run loads
 * (src/providers/apertium/prestart.ts). The provider must take that pipeline over rather than
 * start another, and a run that fails first must not leave it running. The fr-es mode gets one
 * more stage (tests/support/apertium-extra-stage.ts) that notes each start in a file and passes
 * records through (`cat` does not wait for a newline).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefusal, put } from '../robustness/support.js';
import { installationWithExtraStage } from '../support/apertium-extra-stage.js';
import { runBin, tempDir } from '../support/cli.js';

const dir = tempDir('versio-prestart-');
afterAll(() => dir.cleanup());

const COUNTING_STAGE = `#!/bin/sh
echo "$$" >> "$VERSIO_STAGE_LOG"
exec cat
`;

let env: NodeJS.ProcessEnv;
let article: string;
const log = () => join(dir.path, 'starts.log');
const starts = () =>
  existsSync(log()) ? readFileSync(log(), 'utf8').trim().split('\n').filter(Boolean).length : 0;

beforeAll(() => {
  env = {
    ...installationWithExtraStage(join(dir.path, 'engine'), COUNTING_STAGE, 'count'),
    VERSIO_STAGE_LOG: log(),
    VERSIO_REPAIR: 'off',
  };

  article = put(
    dir.path,
    'one.fr.txt',
    'Le conseil municipal a voté le budget.\nLa séance a duré six heures.\n',
  );
});

/** Resolves with the run's result, or fails the test if the process is still running after 30 s. */
function within30s<T>(run: Promise<T>): Promise<T> {
  return Promise.race([
    run,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error('versio did not exit: a pipeline was left running')), 30_000),
    ),
  ]);
}

describe('the main pipeline started ahead of the run', () => {
  it('is the one the provider uses: one pipeline for a one-article run', async () => {
    writeFileSync(log(), '');
    const out = join(dir.path, 'out');
    const result = await within30s(
      runBin(
        ['translate', article, '--no-glossary', '--jobs', '1', '--out', out, '--memory', `${out}.jsonl`],
        {
          env,
        },
      ),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(out, 'one.en.txt'), 'utf8')).toMatch(/^The .+ voted /);
    expect(starts()).toBe(1);
  });

  it('is stopped when the run fails before using it (a malformed glossary): the process exits', async () => {
    writeFileSync(log(), '');
    const glossary = put(dir.path, 'bad.glossary.yaml', 'sourceLang: fr\ntargetLang: en\nentries: [\n');
    const out = join(dir.path, 'refused');
    const result = await within30s(
      runBin(['translate', article, '--glossary', glossary, '--out', out, '--memory', `${out}.jsonl`], {
        env,
      }),
    );
    expectRefusal(result, 2, /bad\.glossary\.yaml:\d+:\d+: invalid YAML/);
    // It had been started (the refusal came after), and did not keep the process alive.
    expect(starts()).toBe(1);
  });
});
