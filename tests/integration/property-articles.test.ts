/**
 * Property: any article built from the fragments that broke the pipeline on unseen articles
 * (French-spaced numbers and units, entities at sentence starts and ends and after numbers,
 * « » quotes, elisions, interview markers, headlines of every shape, CRLF, BOM), with any
 * glossary drawn from a pool of nested and article-taking entries, keeps the corpus invariants
 * (tests/support/article-case.ts): exit 0, layout, no placeholder or « », exact term marks,
 * English forms present, the rerun sends nothing, render equals translate, check passes; and
 * the memory-built XLIFF is the fresh one, apart from dates. Pseudo engine, in-process: many
 * cases. The runs happen once per format; the two invariant groups are asserted apart, so one
 * failing does not hide the other.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, articleBytes, type GeneratedArticle, glossary } from '../support/article-arbitraries.js';
import { articleCaseProblems } from '../support/article-case.js';
import { tempDir } from '../support/cli.js';

describe.each(['xliff12', 'xliff2'] as const)(
  'generated articles and glossaries (pseudo engine, %s)',
  (format) => {
    const dir = tempDir('versio-prop-');
    let n = 0;
    const identity: string[] = [];
    let outcome: fc.RunDetails<[GeneratedArticle[], string]>;

    beforeAll(async () => {
      outcome = await fc.check(
        fc.asyncProperty(
          fc.array(article, { minLength: 1, maxLength: 3 }),
          glossary,
          async (articles, yaml) => {
            n += 1;
            const result = await articleCaseProblems(
              join(dir.path, `case${n}`),
              articles.map(articleBytes),
              yaml,
              {
                provider: 'pseudo',
                format,
              },
            );
            identity.push(...result.identity.map((d) => `case ${n}, ${d}`));
            expect(result.problems).toEqual({});
          },
        ),
        // Each case runs the CLI several times; a failure is reported as found (all its problems listed).
        { numRuns: 25, endOnFailure: true },
      );
    }, 300_000);
    afterAll(() => dir.cleanup());

    it('keep every corpus invariant', () => {
      const report = outcome.failed
        ? [fc.defaultReportMessage(outcome), String(outcome.errorInstance)].join('\n')
        : 'none';
      expect(report).toBe('none');
      expect(outcome.numRuns).toBe(25);
    });

    it('write the same XLIFF from the memory as fresh, apart from dates', () => {
      expect(n).toBeGreaterThan(0);
      expect(identity).toEqual([]);
    });
  },
);
