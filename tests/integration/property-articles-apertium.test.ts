/**
 * The properties of property-articles.test.ts with the real Apertium engine: a few dozen
 * generated articles (twelve per XLIFF version with one glossary, translated in one command:
 * one engine start per version).
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, articleBytes, type GeneratedArticle, glossary } from '../support/article-arbitraries.js';
import { articleCaseProblems } from '../support/article-case.js';
import { tempDir } from '../support/cli.js';

describe.each(['xliff12', 'xliff2'] as const)(
  'generated articles and glossaries (Apertium, %s)',
  (format) => {
    const dir = tempDir('versio-prop-ap-');
    let n = 0;
    const identity: string[] = [];
    let outcome: fc.RunDetails<[GeneratedArticle[], string]>;

    beforeAll(async () => {
      outcome = await fc.check(
        fc.asyncProperty(
          fc.array(article, { minLength: 12, maxLength: 12 }),
          glossary,
          async (articles, yaml) => {
            n += 1;
            const result = await articleCaseProblems(
              join(dir.path, `case${n}`),
              articles.map(articleBytes),
              yaml,
              {
                provider: 'apertium',
                format,
              },
            );
            identity.push(...result.identity.map((d) => `case ${n}, ${d}`));
            expect(result.problems).toEqual({});
          },
        ),
        { numRuns: 1, endOnFailure: true },
      );
    }, 300_000);
    afterAll(() => dir.cleanup());

    it('keep every corpus invariant', () => {
      const report = outcome.failed
        ? [fc.defaultReportMessage(outcome), String(outcome.errorInstance)].join('\n')
        : 'none';
      expect(report).toBe('none');
      expect(outcome.numRuns).toBe(1);
    });

    it('write the same XLIFF from the memory as fresh, apart from dates', () => {
      expect(n).toBeGreaterThan(0);
      expect(identity).toEqual([]);
    });
  },
);
