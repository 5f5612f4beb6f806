/**
 * The property of property-articles.test.ts with the real Apertium engine: a few dozen
 * generated articles, each case a glossary and twelve articles translated in one command
 * (one engine start), in both XLIFF versions.
 */

import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { article, articleBytes, glossary } from '../support/article-arbitraries.js';
import { articleCaseProblems } from '../support/article-case.js';
import { tempDir } from '../support/cli.js';

describe('generated articles and glossaries (Apertium)', () => {
  const dir = tempDir('versio-prop-ap-');
  afterAll(() => dir.cleanup());
  let n = 0;

  it.each(['xliff12', 'xliff2'] as const)(
    'keep every corpus invariant (%s)',
    async (format) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(article, { minLength: 12, maxLength: 12 }),
          glossary,
          async (articles, yaml) => {
            n += 1;
            const problems = await articleCaseProblems(
              join(dir.path, `case${n}`),
              articles.map(articleBytes),
              yaml,
              {
                provider: 'apertium',
                format,
              },
            );
            expect(problems).toEqual({});
          },
        ),
        { numRuns: 1, endOnFailure: true },
      );
    },
    300_000,
  );
});
