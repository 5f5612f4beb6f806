import { setMaxListeners } from 'node:events';
import os from 'node:os';
import { loadCheckConfig } from '../check/config-file.js';
import { QuotaError } from '../errors.js';
import { eachDocument } from './each-document.js';
import type { DocumentSummary } from './events.js';
import { executePlan } from './execute.js';
import { openRun, type TranslateRunOptions } from './open.js';
import { planDocument } from './plan.js';
import { readDocument } from './read.js';
import { loadReviewChecks, outputPaths, reviewFindings, writeOutputs } from './write.js';

export type { TranslateRunOptions } from './open.js';

export interface RunSummary {
  provider: string;
  dryRun: boolean;
  documents: DocumentSummary[];
}

/**
 * `versio translate`: open → (price) → per document read → plan → execute → write. Every input
 * is read and checked before anything is sent (bad input costs nothing); with `--dry-run` or
 * `--max-chars` the whole run is priced first. Documents then stream through, `jobs` at a time,
 * each dropped once its outputs are written, so memory stays flat however many articles a run has.
 */
export async function translateFiles(
  files: readonly string[],
  options: TranslateRunOptions,
): Promise<RunSummary> {
  // Every document of the run and every request in flight listens on this one signal for Ctrl-C:
  // as many as --jobs and the queue allow, not a leak (Node warns past 10).
  setMaxListeners(0, options.signal);
  const run = await openRun(files, options);
  const { ctx, glossary, matcher } = run;
  const paths = (file: string) => outputPaths(file, options.outDir, options.sourceLang, options.targetLang);
  const read = (file: string) =>
    readDocument(file, paths(file).xliff, {
      sourceLang: options.sourceLang,
      targetLang: options.targetLang,
      engine: options.provider,
      glossary,
      matcher,
      cwd: options.cwd,
    });
  try {
    if (options.dryRun || options.maxChars !== undefined) {
      const priced: DocumentSummary[] = [];
      for (const file of files) priced.push((await planDocument(await read(file), ctx)).summary);
      checkBudget(priced, options.maxChars);
      if (options.dryRun) return { provider: ctx.provider.name, dryRun: true, documents: priced };
    }
    const checkConfig = await loadCheckConfig(options.cwd);
    const documents = await eachDocument(files, options.jobs ?? os.availableParallelism(), {
      prepare: async (file) => {
        options.signal.throwIfAborted();
        return { plan: await planDocument(await read(file), ctx), file };
      },
      run: async ({ plan, file }, release) => {
        const summary = await executePlan(plan, ctx, () => {
          // Every request is on its way: the checks this document needs next load meanwhile.
          void loadReviewChecks().catch(() => {}); // a failure shows where reviewFindings awaits it
          release();
        });
        // The slot is free: the next document's requests go to the engine while this one is written.
        release();
        summary.outputs = await writeOutputs(plan.doc, paths(file), {
          format: options.format,
          findings: await reviewFindings(plan.doc, matcher, glossary, checkConfig),
          cwd: options.cwd,
          ...(glossary ? { glossary } : {}),
        });
        options.onEvent?.({ type: 'document-done', summary });
        return summary;
      },
    });
    return { provider: ctx.provider.name, dryRun: false, documents };
  } finally {
    await run.close();
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
