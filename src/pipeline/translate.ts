import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { checkDocument } from './check/check-document.js';
import { CONFIG_FILE, loadCheckConfig } from './check/config-file.js';
import type { Document } from './document.js';
import { InputError, InternalError, QuotaError, VersioError } from './errors.js';
import { glossaryPathFor } from './glossary/default.js';
import { loadGlossary } from './glossary/load.js';
import { buildMatcher, type Matcher } from './glossary/match.js';
import { providerTerms } from './glossary/provider-terms.js';
import type { Glossary } from './glossary/types.js';
import { readTextFile } from './io/text-file.js';
import { openMemory } from './memory/open.js';
import { type OutputPaths, outputPaths, writeOutputs, type XliffFormat } from './outputs.js';
import { eachDocument } from './pipeline/each-document.js';
import type { DocumentSummary, PipelineEvent } from './pipeline/events.js';
import { annotateTerms } from './pipeline/terms.js';
import { assertNotEmpty, executePlan, type PipelineContext, planDocument } from './pipeline.js';
import { type ProviderName, providers } from './providers/index.js';
import { loadPacingSettings, type PacingSettings, toOverrides } from './providers/pacing-config.js';
import { Scheduler } from './queue/index.js';
import { parseArticle } from './read/article.js';
import { mergeReviewed } from './review/merge.js';

export interface TranslateRunOptions {
  provider: ProviderName;
  outDir: string;
  /** Glossary path; `false` for none; undefined for the project default when it exists. */
  glossary?: string | false;
  format: XliffFormat;
  memoryPath: string;
  /**
   * Scale out: engine requests go to workers through BullMQ on this Redis (`versio worker`);
   * everything else runs here.
   */
  redisUrl?: string;
  sourceLang: string;
  targetLang: string;
  formality?: string;
  /** Model name for engines that serve several (`openai`). */
  model?: string;
  jobs?: number;
  dryRun?: boolean;
  maxChars?: number;
  /** Pacing and retry settings from the CLI; they win over versio.config.json `translate.<engine>`. */
  pacing?: PacingSettings;
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
 * `versio translate`. Every input is read and checked before anything is sent (bad input
 * costs nothing); with `--dry-run` or `--max-chars` the whole run is priced first. Documents
 * then stream through read → merge → plan → engine → write, `jobs` at a time, each dropped
 * once its outputs are written, so memory stays flat however many articles a run has.
 */
export async function translateFiles(
  files: readonly string[],
  options: TranslateRunOptions,
): Promise<RunSummary> {
  const glossaryPath = await glossaryPathFor(options.glossary, process.cwd());
  const glossary = glossaryPath === undefined ? undefined : await loadGlossary(glossaryPath);
  const matcher = glossary ? buildMatcher(glossary) : undefined;
  for (const file of files) await readTextFile(file);
  const fromFile = await loadPacingSettings(process.cwd(), CONFIG_FILE, options.provider);
  const overrides = toOverrides({ ...fromFile, ...options.pacing });

  const engineOptions = {
    sourceLang: options.sourceLang,
    targetLang: options.targetLang,
    ...(options.formality ? { formality: options.formality } : {}),
    ...(options.model ? { model: options.model } : {}),
  };
  const terms = glossary ? providerTerms(glossary) : [];
  const local = await providers[options.provider]({
    ...engineOptions,
    ...(glossary ? { providerTerms: terms } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    overrides,
    env: options.env,
  });
  const provider = options.redisUrl
    ? await (await import('./scale/remote-provider.js')).createRemoteProvider({
        redisUrl: options.redisUrl,
        provider: options.provider,
        local,
        options: engineOptions,
        providerTerms: terms,
      })
    : local;
  const memory = await openMemory(options.memoryPath);
  try {
    const ctx: PipelineContext = {
      provider,
      // One lane for the engine, shared by every document: pacing holds whatever --jobs is.
      scheduler: new Scheduler(provider),
      memory,
      glossary,
      signal: options.signal,
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    };
    const load = (file: string) => loadDocument(file, options, matcher, glossary);
    if (options.dryRun || options.maxChars !== undefined) {
      const priced: DocumentSummary[] = [];
      for (const file of files) priced.push((await planDocument((await load(file)).doc, ctx)).summary);
      checkBudget(priced, options.maxChars);
      if (options.dryRun) return { provider: provider.name, dryRun: true, documents: priced };
    }
    const checkConfig = await loadCheckConfig(process.cwd());
    const documents = await eachDocument(files, options.jobs ?? os.availableParallelism(), {
      prepare: async (file) => {
        options.signal.throwIfAborted();
        const { doc, paths } = await load(file);
        return { plan: await planDocument(doc, ctx), paths };
      },
      run: async ({ plan, paths }, release) => {
        const summary = await executePlan(plan, ctx, release);
        // The slot is free: the next document's requests go to the engine while this one is written.
        release();
        const findings = checkDocument(plan.doc, new Map(), matcher, glossary, checkConfig);
        summary.outputs = await writeOutputs(plan.doc, paths, {
          format: options.format,
          findings,
          ...(glossary ? { glossary } : {}),
        });
        options.onEvent?.({ type: 'document-done', summary });
        return summary;
      },
    });
    return { provider: provider.name, dryRun: false, documents };
  } finally {
    await Promise.allSettled([provider.close(), memory.close()]);
  }
}

/** Stages "read → segment → match → merge" for one article. */
async function loadDocument(
  file: string,
  options: TranslateRunOptions,
  matcher: Matcher | undefined,
  glossary: Glossary | undefined,
): Promise<{ doc: Document; paths: OutputPaths }> {
  const input = await readTextFile(file);
  const doc = parseArticle(input.text, file, {
    sourceLang: options.sourceLang,
    targetLang: options.targetLang,
    bom: input.bom,
  });
  assertNotEmpty(doc);
  annotateTerms(doc, matcher);
  const paths = outputPaths(file, options.outDir, options.sourceLang, options.targetLang);
  const previous = await readPrevious(paths.xliff);
  if (previous) mergeReviewed(doc, previous, { engine: options.provider, glossaryHash: glossary?.hash });
  return { doc, paths };
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
    // A bug of ours (InternalError) stays exit 70: only what is wrong with the file is the user's to fix.
    if (error instanceof VersioError && !(error instanceof InternalError)) {
      throw new InputError(`${error.message} (existing translation, not overwritten)`, {
        cause: error,
        hint: 'fix the file, or move it away to translate from scratch',
      });
    }
    throw error;
  }
}

function checkBudget(priced: readonly DocumentSummary[], maxChars: number | undefined): void {
  if (maxChars === undefined) return;
  const total = priced.reduce((n, d) => n + d.characters, 0);
  if (total > maxChars) {
    throw new QuotaError(
      `this run would send ${total} characters to the engine, over --max-chars ${maxChars}`,
      {
        hint: 'raise --max-chars, or run with --dry-run to see the cost per file',
      },
    );
  }
}
