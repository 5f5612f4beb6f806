import type { Document } from '../document.js';
import { segmentsOf } from '../document.js';
import { restoreTerms } from '../glossary/protect.js';
import { markTargetTerms } from '../glossary/target-spans.js';
import type { MemoryRecord } from '../memory/record.js';
import type { SourceText, TranslateResult } from '../providers/provider.js';
import { translateAll } from '../queue/index.js';
import type { PipelineContext } from './context.js';
import type { DocumentSummary } from './events.js';
import type { Plan, Work } from './plan.js';
import { fill, fillTarget, memoryTarget } from './target.js';
import { missingTerms } from './terms.js';

/**
 * Stages "provider → restore": the planned work goes to the engine through the queue; every
 * finished batch is stored in the memory as soon as it returns, so a crash or a quota stop
 * loses nothing already paid for.
 */
export async function executePlan(
  plan: Plan,
  ctx: PipelineContext,
  /** Called once every request of the document has started (eachDocument's slot release). */
  onQueued?: () => void,
): Promise<DocumentSummary> {
  const { doc, work, summary } = plan;
  ctx.onEvent?.({
    type: 'document-start',
    path: doc.path,
    segments: summary.segments,
    fromMemory: summary.fromMemory,
    toTranslate: work.length,
  });
  await ctx.memory.append(plan.reviewed);
  if (work.length > 0) await runClaimed(doc, work, ctx, summary, onQueued);
  // Marks come from the model, whichever path filled each target (engine, memory, previous XLIFF).
  markTargetTerms(doc);
  tally(doc, summary);
  return summary;
}

/**
 * Never pay twice: each key is claimed from the memory (memory/claimer.ts); this document sends
 * the keys it wins, once each, and fills the rest from the records of whoever sent them —
 * another document of the run, another process, or itself for a sentence it repeats. A key
 * whose claimant gave up (a failed batch, a crash) is claimed again.
 */
async function runClaimed(
  doc: Document,
  work: Work[],
  ctx: PipelineContext,
  summary: DocumentSummary,
  onQueued?: () => void,
): Promise<void> {
  let left = work;
  while (left.length > 0) {
    const claims = await ctx.memory.claim(left.map((w) => w.key));
    const send = new Map<string, Work>();
    const waits: Promise<Work | undefined>[] = [];
    for (const item of left) {
      const claim = claims.get(item.key);
      if (claim?.kind === 'hit') fillFromMemory(doc, item, claim.record, ctx, summary);
      else if (claim?.kind === 'mine' && !send.has(item.key)) send.set(item.key, item);
      else if (claim) {
        waits.push(
          abortable(claim.done, ctx.signal).then((record) => {
            if (!record) return item;
            fillFromMemory(doc, item, record, ctx, summary);
            return undefined;
          }),
        );
      }
    }
    // A document that waits on another's claims keeps its slot: waiting documents stay bounded.
    const queued = waits.length === 0 ? onQueued : undefined;
    const sending = runEngine(doc, [...send.values()], ctx, summary, queued).catch(async (error: unknown) => {
      await ctx.memory.release([...send.keys()]);
      throw error;
    });
    const [, again] = await Promise.all([sending, Promise.all(waits)]);
    left = again.filter((item): item is Work => item !== undefined);
  }
}

/** Waiting for another's claim ends with the run (Ctrl-C), not with that claimant. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** A segment someone else paid for in this run (or since the plan): filled like a memory hit. */
function fillFromMemory(
  doc: Document,
  item: Work,
  record: MemoryRecord,
  ctx: PipelineContext,
  summary: DocumentSummary,
): void {
  fill(item.segment, memoryTarget(item.segment, record, doc.targetLang, ctx.glossary));
  summary.fromMemory += 1;
  segmentDone(ctx, doc, item.segment.id, 'memory', true);
}

/** `remembered`: the segment is in the memory now (an untrusted engine answer is kept out). */
function segmentDone(
  ctx: PipelineContext,
  doc: Document,
  id: string,
  from: 'memory' | 'engine',
  remembered: boolean,
): void {
  ctx.onEvent?.({ type: 'segment-done', path: doc.path, id, from, remembered });
}

async function runEngine(
  doc: Document,
  work: Work[],
  ctx: PipelineContext,
  summary: DocumentSummary,
  onQueued: (() => void) | undefined,
): Promise<void> {
  if (work.length === 0) return;
  const byId = new Map(work.map((w) => [w.segment.id, w]));
  await translateAll(
    ctx.provider,
    work.map((w) => w.text),
    {
      scheduler: ctx.scheduler,
      signal: ctx.signal,
      ...(onQueued ? { onQueued } : {}),
      onEvent: (event) => {
        if (event.type === 'batch-retry') ctx.onEvent?.(event);
      },
      onBatch: async (batch, result) => {
        const records: MemoryRecord[] = [];
        const stored: string[] = [];
        const tokens = tokenShares(batch, result.usage);
        if (result.usage) {
          summary.tokens ??= { prompt: 0, completion: 0 };
          summary.tokens.prompt += result.usage.promptTokens;
          summary.tokens.completion += result.usage.completionTokens;
        }
        batch.forEach((text, index) => {
          const item = byId.get(text.id);
          const raw = result.texts[index];
          if (!item || raw === undefined) return;
          const restored = restoreTerms(raw, item.placeholders, ctx.provider.placeholderStyle);
          const untrusted = result.problems?.[index];
          const filled = fillTarget(
            item.segment,
            restored,
            { engine: ctx.provider.name },
            doc.targetLang,
            ctx.glossary,
            untrusted,
          );
          const billed = result.billed?.[index];
          if (billed !== undefined) filled.provenance.billedCharacters = billed;
          fill(item.segment, filled);
          // An answer the engine could not make right stays out of the memory: a rerun asks again.
          if (untrusted !== undefined) {
            segmentDone(ctx, doc, text.id, 'engine', false);
            return;
          }
          records.push({
            ...tokens[index],
            key: item.key,
            source: item.segment.source,
            target: item.segment.target ?? '',
            provider: ctx.provider.name,
            sourceLang: doc.sourceLang,
            targetLang: doc.targetLang,
            createdAt: new Date().toISOString(),
            ...(billed === undefined ? {} : { billedCharacters: billed }),
          });
          stored.push(text.id);
        });
        summary.billedCharacters += result.billedCharacters ?? 0;
        summary.translated += records.length;
        await ctx.memory.append(records);
        // Done once in the memory: an interruption from here on loses none of them.
        for (const id of stored) segmentDone(ctx, doc, id, 'engine', true);
      },
    },
  );
}

/**
 * Each segment's share of a batch's tokens, by source length (the model counts tokens per
 * request, not per segment), so the memory records what every segment cost.
 */
function tokenShares(
  batch: readonly SourceText[],
  usage: TranslateResult['usage'],
): { promptTokens?: number; completionTokens?: number }[] {
  if (!usage) return batch.map(() => ({}));
  const total = batch.reduce((n, t) => n + t.text.length, 0) || 1;
  return batch.map((t) => ({
    promptTokens: Math.round((usage.promptTokens * t.text.length) / total),
    completionTokens: Math.round((usage.completionTokens * t.text.length) / total),
  }));
}

function tally(doc: Document, summary: DocumentSummary): void {
  for (const segment of segmentsOf(doc)) {
    summary.entities.matched += segment.spans.length;
    if (segment.state === 'needs-review') summary.needsReview += 1;
    if (segment.target !== undefined) {
      // Verified = what the post-check found: the span's English form is in the target.
      const missing = new Set(missingTerms(segment));
      summary.entities.verified += segment.spans.filter((s) => !missing.has(s.target)).length;
    }
  }
}
