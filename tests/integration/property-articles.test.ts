/**
 * Property: any article built from the fragments that broke the pipeline on unseen articles
 * (French-spaced numbers and units, entities at sentence starts and ends and after numbers,
 * « » quotes, elisions, interview markers, headlines of every shape, CRLF, BOM), with any
 * glossary drawn from a pool of nested and article-taking entries, keeps the corpus invariants
 * (tests/support/article-case.ts): exit 0, layout, no placeholder or « », exact term marks,
 * English forms present, memory-built XLIFF identical, the rerun sends nothing, render equals
 * translate, check passes. Pseudo engine, in-process: many cases.
 */

import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { article, articleBytes, glossary } from '../support/article-arbitraries.js';
import { articleCaseProblems } from '../support/article-case.js';
import { tempDir } from '../support/cli.js';

describe('generated articles and glossaries (pseudo engine)', () => {
  const dir = tempDir('versio-prop-');
  afterAll(() => dir.cleanup());
  let n = 0;

  it.each(['xliff12', 'xliff2'] as const)(
    'keep every corpus invariant (%s)',
    async (format) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(article, { minLength: 1, maxLength: 3 }),
          glossary,
          async (articles, yaml) => {
            n += 1;
            const problems = await articleCaseProblems(
              join(dir.path, `case${n}`),
              articles.map(articleBytes),
              yaml,
              {
                provider: 'pseudo',
                format,
              },
            );
            expect(problems).toEqual({});
          },
        ),
        // Each case runs the CLI several times; a failure is reported as found (all its problems listed).
        { numRuns: 25, endOnFailure: true },
      );
    },
    300_000,
  );
});
