import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain, tempDir } from '../support/cli.js';
import {
  corpusArticles,
  type EntryForms,
  englishTextProblems,
  entryForms,
  firstDifference,
  layoutProblems,
  markProblems,
  mergedGlossaryYaml,
  withoutDates,
} from '../support/corpus.js';
import {
  editPoEntry,
  editXliff2Segment,
  expectCheckClean,
  expectExit0,
  lastSegmentId,
  outputsOf,
  sent,
  type TranslateRun,
  targetOf,
  toolkit,
  translateJson,
} from '../support/corpus-run.js';
import { defined } from '../support/defined.js';

/**
 * The corpus (tests/fixtures/corpus, 26 articles nobody tuned the code to) through the real
 * Apertium engine in ONE translate command (one engine start), under one glossary merged from
 * the articles' own glossaries; then everything a user does next: a memory-built run in both
 * XLIFF versions, `check`, `render`, a Translate Toolkit round trip with an edited target,
 * a hand edit of an XLIFF 2 segment, and reruns. The per-article glossaries (YAML, CSV, TBX)
 * are exercised one by one with the pseudo engine in corpus-glossaries.test.ts.
 */
const articles = corpusArticles();
const dir = tempDir('versio-corpus-');
const glossary = join(dir.path, 'corpus.glossary.yaml');
const sources = articles.map((a) => a.source);
const out = (name: string) => join(dir.path, name);
let entries: EntryForms;
const runs: Record<string, TranslateRun> = {};

/** Problems per article (empty arrays dropped), so a failure names every article and segment at once. */
function perArticle(check: (name: string, source: string) => string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const { name, source } of articles) {
    const problems = check(name, source);
    if (problems.length > 0) found[name] = problems;
  }
  return found;
}

beforeAll(async () => {
  writeFileSync(glossary, await mergedGlossaryYaml(articles.map((a) => a.glossary)));
  entries = await entryForms(glossary);
  const memory = ['--glossary', glossary, '--memory', out('tm.jsonl')];
  runs.fresh = await translateJson([...sources, ...memory, '--out', out('fresh')], dir.path);
  runs.memory12 = await translateJson([...sources, ...memory, '--out', out('memory12')], dir.path);
  runs.memory2 = await translateJson(
    [...sources, ...memory, '--out', out('memory2'), '--format', 'xliff2'],
    dir.path,
  );
}, 240_000);
afterAll(() => dir.cleanup());

describe(`the corpus (${articles.length} articles) with Apertium`, () => {
  it('has at least 24 articles, each glossary with at least 10 entries', async () => {
    expect(articles.length).toBeGreaterThanOrEqual(24);
    for (const a of articles) expect((await entryForms(a.glossary)).size, a.name).toBeGreaterThanOrEqual(10);
  });

  it('translates every article in one run, then from the memory in XLIFF 1.2 and 2.1: exit 0', () => {
    for (const [what, run] of Object.entries(runs)) expectExit0(run.result, what);
    expect(runs.fresh?.summary?.documents).toHaveLength(articles.length);
  });

  it('the memory-built runs send nothing', () => {
    const nothing = Object.fromEntries(sources.map((s) => [s, [0, 0, 0]]));
    expect(sent(runs.memory12?.summary)).toEqual(nothing);
    expect(sent(runs.memory2?.summary)).toEqual(nothing);
  });

  it('keeps lines, blank lines, line endings and BOM; leaves no placeholder or « »', () => {
    expect(
      perArticle((name, source) => {
        const english = readFileSync(outputsOf(out('fresh'), name).txt);
        return [
          ...layoutProblems(readFileSync(source), english),
          ...englishTextProblems(english.toString('utf8')),
        ];
      }),
    ).toEqual({});
  });

  it.each(['fresh', 'memory2'])('marks its entries’ English forms exactly (%s XLIFF)', (run) => {
    expect(
      perArticle((name) => {
        const { xliff, txt } = outputsOf(out(run), name);
        return markProblems(readFileSync(xliff, 'utf8'), readFileSync(txt, 'utf8'), entries);
      }),
    ).toEqual({});
  });

  it('writes the same XLIFF whether the engine or the memory filled it (apart from dates)', () => {
    expect(
      perArticle((name) => {
        const fresh = readFileSync(outputsOf(out('fresh'), name).xliff, 'utf8');
        const memory = readFileSync(outputsOf(out('memory12'), name).xliff, 'utf8');
        return withoutDates(fresh) === withoutDates(memory) ? [] : [firstDifference(fresh, memory)];
      }),
    ).toEqual({});
  });

  it('writes the same English text from the memory in both XLIFF versions', () => {
    expect(
      perArticle((name) => {
        const fresh = readFileSync(outputsOf(out('fresh'), name).txt, 'utf8');
        return ['memory12', 'memory2'].flatMap((run) =>
          readFileSync(outputsOf(out(run), name).txt, 'utf8') === fresh ? [] : [`${run} .en.txt differs`],
        );
      }),
    ).toEqual({});
  });

  it.each(['fresh', 'memory2'])(
    'versio check finds nothing the pipeline guarantees on any XLIFF (%s)',
    async (run) => {
      const files = articles.map((a) => outputsOf(out(run), a.name).xliff);
      expectCheckClean(
        await runMain(['check', ...files, '--glossary', glossary, '--format', 'json'], { cwd: dir.path }),
        `check ${run}`,
      );
    },
  );

  it.each(['fresh', 'memory2'])(
    'versio render of the XLIFF equals the text translate wrote (%s)',
    async (run) => {
      const rendered = out(`rendered-${run}`);
      const failures: Record<string, string> = {};
      for (const { name } of articles) {
        const { xliff, txt } = outputsOf(out(run), name);
        const result = await runMain(
          ['render', xliff, '--out', rendered, '--format', 'txt', '--no-glossary'],
          {
            cwd: dir.path,
          },
        );
        if (result.code !== 0) failures[name] = `exit ${result.code}: ${result.stderr}`;
        else if (!readFileSync(join(rendered, `${name}.en.txt`)).equals(readFileSync(txt)))
          failures[name] = 'rendered text differs';
      }
      expect(failures).toEqual({});
    },
  );

  describe('a reviewer’s edits come back and survive the rerun', () => {
    const edits = new Map<string, { id: string; text: string }>();
    let rerun12: TranslateRun;
    let rerun2: TranslateRun;

    beforeAll(async () => {
      // XLIFF 1.2: xliff2po → edit one msgstr per article, left fuzzy → pomerge, over the outputs.
      const xliffs = out('tt-xliff');
      mkdirSync(xliffs);
      for (const { name } of articles)
        cpSync(outputsOf(out('fresh'), name).xliff, join(xliffs, `${name}.en.xlf`));
      await toolkit('xliff2po', ['--progress=none', '-i', xliffs, '-o', out('tt-po')]);
      for (const { name } of articles) {
        const xliff = outputsOf(out('fresh'), name).xliff;
        const id = lastSegmentId(readFileSync(xliff, 'utf8'));
        const text = `${targetOf(xliff, id) ?? ''} (edited by the desk)`;
        edits.set(name, { id, text });
        const po = join(out('tt-po'), `${name}.en.po`);
        writeFileSync(po, editPoEntry(readFileSync(po, 'utf8'), id, text));
      }
      await toolkit('pomerge', ['--progress=none', '-t', xliffs, '-i', out('tt-po'), '-o', out('tt-merged')]);
      for (const file of readdirSync(out('tt-merged')))
        cpSync(join(out('tt-merged'), file), join(out('fresh'), file));
      // XLIFF 2.1: the same edit by hand in the segment, its state dropped.
      for (const { name } of articles) {
        const { id, text } = defined(edits.get(name), `the edit of ${name}`);
        editXliff2Segment(outputsOf(out('memory2'), name).xliff, id, text);
      }
      const memory = ['--glossary', glossary, '--memory', out('tm.jsonl')];
      rerun12 = await translateJson([...sources, ...memory, '--out', out('fresh')], dir.path);
      rerun2 = await translateJson(
        [...sources, ...memory, '--out', out('memory2'), '--format', 'xliff2'],
        dir.path,
      );
    }, 180_000);

    it('the reruns exit 0 and send nothing', () => {
      expectExit0(rerun12.result, 'rerun 1.2');
      expectExit0(rerun2.result, 'rerun 2.1');
      const nothing = Object.fromEntries(sources.map((s) => [s, [0, 0, 0]]));
      expect(sent(rerun12.summary)).toEqual(nothing);
      expect(sent(rerun2.summary)).toEqual(nothing);
    });

    it.each(['fresh', 'memory2'])(
      'every edited target survives in the XLIFF and the English text (%s)',
      (run) => {
        expect(
          perArticle((name) => {
            const { id, text } = defined(edits.get(name), `the edit of ${name}`);
            const { xliff, txt } = outputsOf(out(run), name);
            const problems: string[] = [];
            const target = targetOf(xliff, id);
            if (target !== text)
              problems.push(`${id}: target ${JSON.stringify(target)}, edited ${JSON.stringify(text)}`);
            if (!readFileSync(txt, 'utf8').includes(text)) problems.push(`${id}: edit missing from .en.txt`);
            return problems;
          }),
        ).toEqual({});
      },
    );

    it.each(['fresh', 'memory2'])('the rerun’s outputs keep every invariant (%s)', (run) => {
      expect(
        perArticle((name, source) => {
          const { xliff, txt } = outputsOf(out(run), name);
          const english = readFileSync(txt);
          return [
            ...layoutProblems(readFileSync(source), english),
            ...englishTextProblems(english.toString('utf8')),
            ...markProblems(readFileSync(xliff, 'utf8'), english.toString('utf8'), entries),
          ];
        }),
      ).toEqual({});
    });
  });
});
