import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import PQueue from 'p-queue';
import { checkDocument } from './check/check-document.js';
import { loadCheckConfig } from './check/config-file.js';
import type { Document } from './document.js';
import { InputError, QuotaError, VersioError } from './errors.js';
import { buildMatcher } from './glossary/match.js';
import type { Glossary } from './glossary/types.js';
import { readTextFile } from './io/text-file.js';
import { TranslationMemory } from './memory/store.js';
import { type OutputPaths, outputPaths, writeOutputs, type XliffFormat } from './outputs.js';
import type { DocumentSummary, PipelineEvent } from './pipeline/events.js';
import { annotateTerms } from './pipeline/terms.js';
import { assertNotEmpty, executePlan, type PipelineContext, type Plan, planDocument } from './pipeline.js';
import { type ProviderName, providers } from './providers/index.js';
import { parseArticle } from './read/article.js';
import { mergeReviewed } from './review/merge.js';

/** The project's glossary, used when `--glossary` is not given and the file exists. */
export const DEFAULT_GLOSSARY = 'glossary/versio.glossary.yaml';
/** The translation memory, append-only, under the working directory. */
export const DEFAULT_MEMORY = '.versio/memory.jsonl';

export interface TranslateRunOptions {
  provider: ProviderName;
  outDir: string;
  /** Glossary path; `false` for none; undefined for the project default when it exists. */
  glossary?: string | false;
  format: XliffFormat;
  memoryPath: string;
  sourceLang: string;
  targetLang: string;
  formality?: string;
  jobs?: number;
  dryRun?: boolean;
  maxChars?: number;
  signal: AbortSignal;
  env: NodeJS.ProcessEnv;
  onEvent?: (event: PipelineEvent) => void;
}

export interface RunSummary {
  provider: string;
  dryRun: boolean;
  documents: DocumentSummary[];
}

/**
 * `versio translate`: reads and checks every input before anything is sent (bad input costs
 * nothing), prices the run, then translates documents concurrently and writes their outputs.
 */
export async function translateFiles(
  files: readonly string[],
  options: TranslateRunOptions,
): Promise<RunSummary> {
  const glossary = await resolveGlossary(options.glossary);
  const matcher = glossary ? buildMatcher(glossary) : undefined;
  const docs: { doc: Document; paths: OutputPaths }[] = [];
  for (const file of files) {
    const input = await readTextFile(file);
    const doc = parseArticle(input.text, file, {
      sourceLang: options.sourceLang,
      targetLang: options.targetLang,
      bom: input.bom,
    });
    assertNotEmpty(doc);
    docs.push({
      doc: annotateTerms(doc, matcher),
      paths: outputPaths(file, options.outDir, options.sourceLang, options.targetLang),
    });
  }
  for (const { doc, paths } of docs) {
    const previous = await readPrevious(paths.xliff);
    if (previous) mergeReviewed(doc, previous, { engine: options.provider, glossaryHash: glossary?.hash });
  }
  const { providerTerms } = await import('./glossary/provider-terms.js');
  const provider = await providers[options.provider]({
    sourceLang: options.sourceLang,
    targetLang: options.targetLang,
    ...(options.formality ? { formality: options.formality } : {}),
    ...(glossary ? { providerTerms: providerTerms(glossary) } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    env: options.env,
  });
  const memory = await TranslationMemory.open(options.memoryPath);
  try {
    const ctx: PipelineContext = {
      provider,
      memory,
      glossary,
      signal: options.signal,
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    };
    const plans = docs.map(({ doc }) => planDocument(doc, ctx));
    const checkConfig = await loadCheckConfig(process.cwd());
    checkBudget(plans, options.maxChars);
    if (options.dryRun)
      return { provider: provider.name, dryRun: true, documents: plans.map((p) => p.summary) };
    // Documents run side by side so a pool of engine processes (`--jobs`) stays busy.
    const documents = new PQueue({ concurrency: Math.max(1, options.jobs ?? 1) });
    const summaries = await documents.addAll(
      plans.map((plan, index) => async () => {
        const summary = await executePlan(plan, ctx);
        const findings = checkDocument(plan.doc, new Map(), matcher, glossary, checkConfig);
        summary.outputs = await writeOutputs(plan.doc, docs[index]!.paths, {
          format: options.format,
          findings,
          ...(glossary ? { glossary } : {}),
        });
        options.onEvent?.({ type: 'document-done', summary });
        return summary;
      }),
    );
    return { provider: provider.name, dryRun: false, documents: summaries };
  } finally {
    await Promise.allSettled([provider.close(), memory.close()]);
  }
}

/**
 * The XLIFF a previous run wrote for this article, possibly edited by reviewers since. A file
 * we cannot read is an error, not a reason to overwrite someone's work.
 */
async function readPrevious(path: string): Promise<Document | undefined> {
  let xml: string;
  try {
    xml = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`${path}: cannot read the existing translation: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const { readXliff } = await import('./xliff/read.js');
  try {
    return readXliff(xml, path).doc;
  } catch (error) {
    if (error instanceof VersioError) {
      throw new InputError(`${error.message} (existing translation, not overwritten)`, {
        cause: error,
        hint: 'fix the file, or move it away to translate from scratch',
      });
    }
    throw error;
  }
}

async function resolveGlossary(option: string | false | undefined): Promise<Glossary | undefined> {
  if (option === false) return undefined;
  const path = option ?? (existsSync(DEFAULT_GLOSSARY) ? DEFAULT_GLOSSARY : undefined);
  if (!path) return undefined;
  const { loadGlossary } = await import('./glossary/load.js');
  return loadGlossary(path);
}

function checkBudget(plans: readonly Plan[], maxChars: number | undefined): void {
  if (maxChars === undefined) return;
  const total = plans.reduce((n, p) => n + p.summary.characters, 0);
  if (total > maxChars) {
    throw new QuotaError(
      `this run would send ${total} characters to the engine, over --max-chars ${maxChars}`,
      {
        hint: 'raise --max-chars, or run with --dry-run to see the cost per file',
      },
    );
  }
}
