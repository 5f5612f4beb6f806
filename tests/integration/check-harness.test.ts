/**
 * The acceptance figures of `versio check` on the error-injection harness: clean human FR→EN pairs
 * (tests/fixtures/check-harness/), one injected error per copy, XLIFF files written by Versio and
 * checked by runCheck with warnings counted. ≥ 90 % of injected errors found overall, ≥ 80 % in
 * every kind, ≤ 1 finding per 50 clean segments. The same figures are in `npm run bench` (figure 8).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_KINDS } from '../../src/check/harness/inject.js';
import { type HarnessResult, runHarness } from '../../src/check/harness/run.js';
import { repoRoot } from '../support/cli.js';
import { defined } from '../support/defined.js';

const dir = join(repoRoot, 'tests/fixtures/check-harness');
const pairs = JSON.parse(readFileSync(join(dir, 'pairs.json'), 'utf8')) as { fr: string; en: string }[];
let result: HarnessResult;

beforeAll(async () => {
  result = await runHarness(pairs, join(dir, 'glossary.yaml'));
}, 120_000);

describe('versio check on the error-injection harness', () => {
  it('has at least 120 clean pairs and every error kind injected at least 5 times', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(120);
    expect(result.kinds.map((k) => k.kind).sort()).toEqual(Object.keys(ERROR_KINDS).sort());
    for (const kind of result.kinds) expect(kind.injected, kind.kind).toBeGreaterThanOrEqual(5);
  });

  it('finds at least 90 % of the injected errors overall', () => {
    expect(result.found / result.injected).toBeGreaterThanOrEqual(0.9);
  });

  it.each(Object.keys(ERROR_KINDS))('finds at least 80 %% of the "%s" errors', (kind) => {
    const k = defined(
      result.kinds.find((r) => r.kind === kind),
      `the ${kind} result`,
    );
    expect(k.found / k.injected, `missed: ${JSON.stringify(k.missed.slice(0, 5))}`).toBeGreaterThanOrEqual(
      0.8,
    );
  });

  it('raises at most 1 finding (errors and warnings) per 50 clean segments', () => {
    const messages = result.falseFindings.map((f) => f.message);
    expect(result.falseFindings.length / result.segments, messages.join('\n')).toBeLessThanOrEqual(1 / 50);
  });
});
