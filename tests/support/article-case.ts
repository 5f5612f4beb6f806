import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from './cli.js';
import {
  englishTextProblems,
  entryForms,
  firstDifference,
  layoutProblems,
  markProblems,
  withoutDates,
} from './corpus.js';
import { GUARANTEED, outputsOf, sent, translateJson } from './corpus-run.js';

/**
 * One property case: articles (file bytes) and a glossary (YAML) written to `dir`, translated
 * in ONE command (one engine start), then again from the memory into another directory, then
 * `check` and `render`. Returns every broken invariant, by article, so a counterexample shows
 * them all at once (empty when all hold); apart, under `identity`, the articles whose
 * memory-built XLIFF differs from the fresh one (issue 12: one document, one XLIFF).
 */
export interface CaseResult {
  problems: Record<string, string[]>;
  identity: string[];
}

export async function articleCaseProblems(
  dir: string,
  articles: readonly Buffer[],
  glossaryYaml: string,
  options: { provider: 'pseudo' | 'apertium'; format: 'xliff12' | 'xliff2' },
): Promise<CaseResult> {
  mkdirSync(dir, { recursive: true });
  const glossary = join(dir, 'case.glossary.yaml');
  writeFileSync(glossary, glossaryYaml);
  const cases = articles.map((text, i) => ({ name: `a${i + 1}`, text }));
  const names = cases.map(({ name }) => name);
  const sources = cases.map(({ name, text }) => {
    const path = join(dir, `${name}.fr.txt`);
    writeFileSync(path, text);
    return path;
  });
  const common = [...sources, '-p', options.provider, '-g', glossary, '--format', options.format];
  const memory = ['--memory', join(dir, 'tm.jsonl')];
  const problems: Record<string, string[]> = {};
  const add = (key: string, found: string[]) => {
    if (found.length > 0) problems[key] = [...(problems[key] ?? []), ...found];
  };

  const fresh = await translateJson([...common, ...memory, '--out', join(dir, 'fresh')], dir);
  const identity: string[] = [];
  if (fresh.result.code !== 0)
    return { problems: { translate: [`exit ${fresh.result.code}: ${fresh.result.stderr}`] }, identity };
  const again = await translateJson([...common, ...memory, '--out', join(dir, 'memory')], dir);
  if (again.result.code !== 0)
    return { problems: { rerun: [`exit ${again.result.code}: ${again.result.stderr}`] }, identity };
  const nothing = Object.fromEntries(sources.map((s) => [s, [0, 0, 0]]));
  if (JSON.stringify(sent(again.summary)) !== JSON.stringify(nothing))
    add('rerun', [`sent ${JSON.stringify(sent(again.summary))}`]);

  const entries = await entryForms(glossary);
  for (const { name, text } of cases) {
    const { xliff, txt } = outputsOf(join(dir, 'fresh'), name);
    const english = readFileSync(txt);
    const xml = readFileSync(xliff, 'utf8');
    add(name, layoutProblems(text, english));
    add(name, englishTextProblems(english.toString('utf8')));
    add(name, markProblems(xml, english.toString('utf8'), entries));
    const fromMemory = readFileSync(outputsOf(join(dir, 'memory'), name).xliff, 'utf8');
    if (withoutDates(fromMemory) !== withoutDates(xml))
      identity.push(`${name}: ${firstDifference(xml, fromMemory)}`);
    const rendered = join(dir, 'rendered');
    const render = await runMain(['render', xliff, '--out', rendered, '--format', 'txt', '--no-glossary'], {
      cwd: dir,
    });
    if (render.code !== 0) add(name, [`render exit ${render.code}: ${render.stderr}`]);
    else if (!readFileSync(join(rendered, `${name}.en.txt`)).equals(english))
      add(name, ['render of the XLIFF differs from the text translate wrote']);
  }
  const xliffs = names.map((name) => outputsOf(join(dir, 'fresh'), name).xliff);
  // What the pipeline guarantees (corpus-run.ts GUARANTEED); the engine's English may be flagged.
  const check = await runMain(['check', ...xliffs, '--glossary', glossary, '--format', 'json'], { cwd: dir });
  if (check.code !== 0 && check.code !== 1) add('check', [`exit ${check.code}: ${check.stderr}`]);
  else {
    const { findings } = JSON.parse(check.stdout) as {
      findings: { check: string; file: string; message: string }[];
    };
    const broken = findings.filter((f) => GUARANTEED.has(f.check));
    if (broken.length > 0)
      add(
        'check',
        broken.map((f) => `${f.file}: ${f.message}`),
      );
  }
  return { problems, identity };
}
