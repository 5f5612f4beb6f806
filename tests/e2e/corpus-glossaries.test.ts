import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain, tempDir } from '../support/cli.js';
import {
  corpusArticles,
  type EntryForms,
  englishTextProblems,
  entryForms,
  expectedLeadKinds,
  layoutProblems,
  markProblems,
  withoutDates,
  xliffLeadKinds,
} from '../support/corpus.js';
import {
  expectCheckClean,
  expectExit0,
  outputsOf,
  sent,
  type TranslateRun,
  translateJson,
} from '../support/corpus-run.js';

/**
 * Every corpus article with ITS OWN glossary (YAML, or imported from CSV or TBX), through
 * translate in XLIFF 1.2 and 2.1, a memory-built run of each, check and render. The engine
 * is the pseudo provider, in-process: what is under test here is the glossary, the spans,
 * the layout and the writers, not the engine (corpus-apertium.test.ts runs the real one).
 */
const formats = ['xliff12', 'xliff2'] as const;

describe.each(corpusArticles())('corpus article $name with its own glossary (pseudo engine)', (article) => {
  const dir = tempDir('versio-corpus-g-');
  const out = (name: string) => join(dir.path, name);
  const runs: Record<string, TranslateRun> = {};
  let entries: EntryForms;

  beforeAll(async () => {
    entries = await entryForms(article.glossary);
    for (const format of formats) {
      const common = [article.source, '-p', 'pseudo', '-g', article.glossary, '--format', format];
      const memory = ['--memory', out(`${format}.tm.jsonl`)];
      runs[format] = await translateJson([...common, ...memory, '--out', out(format)], dir.path);
      runs[`${format}-memory`] = await translateJson(
        [...common, ...memory, '--out', out(`${format}-memory`)],
        dir.path,
      );
    }
  });
  afterAll(() => dir.cleanup());

  it('translates fresh and from the memory in both XLIFF versions: exit 0; the memory run sends nothing', () => {
    for (const [what, run] of Object.entries(runs)) expectExit0(run.result, what);
    for (const format of formats)
      expect(sent(runs[`${format}-memory`]?.summary)).toEqual({ [article.source]: [0, 0, 0] });
  });

  it.each(formats)(
    'keeps the layout, leaves no placeholder or « », marks English forms exactly (%s)',
    (format) => {
      const { xliff, txt } = outputsOf(out(format), article.name);
      const english = readFileSync(txt);
      expect([
        ...layoutProblems(readFileSync(article.source), english),
        ...englishTextProblems(english.toString('utf8')),
        ...markProblems(readFileSync(xliff, 'utf8'), english.toString('utf8'), entries),
      ]).toEqual([]);
    },
  );

  it.each(formats)('labels rubric and headline by position, as the README states (%s)', (format) => {
    const expected = expectedLeadKinds(readFileSync(article.source, 'utf8'));
    const xliff = readFileSync(outputsOf(out(format), article.name).xliff, 'utf8');
    expect(xliffLeadKinds(xliff, expected.length)).toEqual(expected);
  });

  it.each(formats)('writes the same XLIFF from the memory as fresh, apart from dates (%s)', (format) => {
    const fresh = readFileSync(outputsOf(out(format), article.name).xliff, 'utf8');
    const memory = readFileSync(outputsOf(out(`${format}-memory`), article.name).xliff, 'utf8');
    expect(withoutDates(memory)).toBe(withoutDates(fresh));
  });

  it.each(formats)('passes versio check with its glossary (%s)', async (format) => {
    const { xliff } = outputsOf(out(format), article.name);
    expectCheckClean(
      await runMain(['check', xliff, '--glossary', article.glossary, '--format', 'json'], { cwd: dir.path }),
      'check',
    );
  });

  it.each(formats)('renders from the XLIFF the same text translate wrote (%s)', async (format) => {
    const { xliff, txt } = outputsOf(out(format), article.name);
    const rendered = out(`rendered-${format}`);
    const result = await runMain(['render', xliff, '--out', rendered, '--format', 'txt', '--no-glossary'], {
      cwd: dir.path,
    });
    expectExit0(result, 'render');
    expect(readFileSync(join(rendered, `${article.name}.en.txt`), 'utf8')).toBe(readFileSync(txt, 'utf8'));
  });
});
