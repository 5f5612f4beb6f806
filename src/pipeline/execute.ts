import type { Document, Segment } from './document.js';
import { segmentsOf } from './document.js';
import { InputError } from './errors.js';
import { type Placeholder, protectTerms, type Restored, restoreTerms } from './glossary/protect.js';
import { markTargetTerms } from './glossary/target-spans.js';
import type { Glossary } from './glossary/types.js';
import type { MemoryStore } from './memory/memory-store.js';
import type { MemoryRecord } from './memory/record.js';
import type { DocumentSummary, PipelineEvent } from './pipeline/events.js';
import { findInMemory, memoryEngine, reviewedRecords, segmentKey } from './pipeline/memory.js';
import { missingTerms, postCheck, spansToProtect } from './pipeline/terms.js';
import type { Provider, SourceText, TranslateResult } from './providers/provider.js';
import { makeBatches, type Scheduler, translateAll } from './queue/index.js';
import { englishTypographySpanned } from './render/typography.js';
import { isReviewed, SOURCE_CHANGED_NOTE } from './review/merge.js';

/** What one document needs from the engine, prepared before anything is sent. */
interface Work {
  segment: Segment;
  key: string;
  text: SourceText;
  placeholders: Placeholder[];
}

export interface PipelineContext {
  provider: Provider;
  /** The run's scheduler for `provider`: one lane (concurrency, rate, 429 pauses) for all documents. */
  scheduler: Scheduler;
  memory: MemoryStore;
  glossary: Glossary | undefined;
  signal: AbortSignal;
  onEvent?: (event: PipelineEvent) => void;
}

/** A document with its memory hits filled in and the work left for the engine. */
export interface Plan {
  doc: Document;
  work: Work[];
  summary: DocumentSummary;
  /** Reviewed targets of the returned XLIFF, stored as human translations when the plan runs. */
  reviewed: MemoryRecord[];
}

/**
 * Stage "memory": segments found in the translation memory are filled from it; the rest are
 * protected and queued as work for the engine. Nothing is sent yet, so a run can be priced
 * (`--dry-run`, `--max-chars`) before it costs anything.
 */
export async function planDocument(doc: Document, ctx: PipelineContext): Promise<Plan> {
  const { provider, memory } = ctx;
  const summary = emptySummary(doc.path);
  const work: Work[] = [];
  const pending = segmentsOf(doc).filter((s) => s.state === 'initial');
  summary.segments = segmentsOf(doc).length;
  const carried = segmentsOf(doc).filter((s) => s.state !== 'initial');
  summary.kept = carried.filter(isReviewed).length;
  summary.reused = carried.length - summary.kept;
  for (const segment of pending) {
    const key = segmentKey(segment, provider, ctx.glossary);
    const hit = await findInMemory(memory, key, segment, doc);
    if (hit) {
      fillHit(segment, hit, ctx.glossary);
      summary.fromMemory += 1;
      continue;
    }
    const spans = spansToProtect(segment, provider.supportsGlossary);
    const shielded = protectTerms(segment.source, spans, provider.placeholderStyle);
    summary.entities.protected += spans.length;
    work.push({
      segment,
      key,
      placeholders: shielded.placeholders,
      text: { id: segment.id, text: shielded.text },
    });
  }
  addContext(doc, work);
  // A sentence repeated in the document is sent once (runClaimed), so priced once.
  const sent = [...new Map(work.map((w) => [w.key, w])).values()];
  summary.characters = sent.reduce((n, w) => n + w.segment.source.length, 0);
  const estimate = provider.estimateTokens;
  if (estimate && sent.length > 0) {
    const batches = makeBatches(
      sent.map((w) => w.text),
      provider.limits,
    );
    const usage = batches.map((b) => estimate.call(provider, b));
    summary.tokens = {
      prompt: usage.reduce((n, u) => n + u.promptTokens, 0),
      completion: usage.reduce((n, u) => n + u.completionTokens, 0),
    };
  }
  summary.requests =
    sent.length === 0
      ? 0
      : makeBatches(
          sent.map((w) => w.text),
          provider.limits,
        ).length;
  return {
    doc,
    work,
    summary,
    reviewed: await reviewedRecords(doc, memory, provider, ctx.glossary, new Date()),
  };
}

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

/**
 * A target from the memory, credited as the run that paid for it was (pipeline/memory.ts
 * memoryEngine), with what it cost: one document gives one XLIFF whichever path filled it.
 */
function fillHit(segment: Segment, record: MemoryRecord, glossary: Glossary | undefined): void {
  finish(segment, { text: record.target, targetSpans: [] }, memoryEngine(record), glossary);
  if (record.billedCharacters !== undefined && segment.provenance)
    segment.provenance.billedCharacters = record.billedCharacters;
}

/** A segment someone else paid for in this run (or since the plan): filled like a memory hit. */
function fillFromMemory(
  doc: Document,
  item: Work,
  record: MemoryRecord,
  ctx: PipelineContext,
  summary: DocumentSummary,
): void {
  fillHit(item.segment, record, ctx.glossary);
  summary.fromMemory += 1;
  ctx.onEvent?.({ type: 'segment-done', path: doc.path, id: item.segment.id, from: 'memory' });
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
          finish(item.segment, restored, ctx.provider.name, ctx.glossary, untrusted);
          const billed = result.billed?.[index];
          if (billed !== undefined && item.segment.provenance)
            item.segment.provenance.billedCharacters = billed;
          // An answer the engine could not make right stays out of the memory: a rerun asks again.
          if (untrusted !== undefined) {
            ctx.onEvent?.({ type: 'segment-done', path: doc.path, id: text.id, from: 'engine' });
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
          ctx.onEvent?.({ type: 'segment-done', path: doc.path, id: text.id, from: 'engine' });
        });
        summary.billedCharacters += result.billedCharacters ?? 0;
        summary.translated += records.length;
        await ctx.memory.append(records);
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

/**
 * Restore done: English typography (moving the restored spans with the text, so it never
 * rewrites a glossary form), post-check, state and provenance. Notes and state are functions of
 * the model (source spans, target text), so a memory hit gives what the engine path gave.
 */
function finish(
  segment: Segment,
  restored: Pick<Restored, 'text' | 'targetSpans'>,
  engine: string,
  glossary?: Glossary,
  /** Why the engine's own answer cannot be trusted (provider-reported), if it says so. */
  untrusted?: string,
): void {
  segment.target = englishTypographySpanned(restored.text, restored.targetSpans).text;
  segment.provenance = { engine, ...(glossary ? { glossaryHash: glossary.hash } : {}) };
  const all = untrusted === undefined ? postCheck(segment) : [untrusted, ...postCheck(segment)];
  const sourceChanged = segment.notes.some((n) => n.startsWith(SOURCE_CHANGED_NOTE));
  segment.state = all.length > 0 || sourceChanged ? 'needs-review' : 'translated';
  segment.notes = [
    ...segment.notes.filter((n) => !n.startsWith('post-check:')),
    ...all.map((p) => `post-check: ${p}`),
  ];
}

/**
 * DeepL's `context` (not billed): the sentences around each segment, so sentence-by-sentence
 * translation keeps the article's sense. Engines without context ignore it.
 */
function addContext(doc: Document, work: Work[]): void {
  const all = segmentsOf(doc);
  const index = new Map(all.map((s, i) => [s.id, i]));
  const sentences = all.map((s) => s.source);
  for (const item of work) {
    const i = index.get(item.segment.id) ?? 0;
    const around = [all[i - 2], all[i - 1], all[i + 1], all[i + 2]].filter((s) => s !== undefined);
    item.text.context = around.map((s) => s.source).join(' ');
    item.text.article = { sentences, index: i };
  }
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

function emptySummary(path: string): DocumentSummary {
  return {
    path,
    segments: 0,
    fromMemory: 0,
    translated: 0,
    kept: 0,
    reused: 0,
    needsReview: 0,
    entities: { matched: 0, protected: 0, verified: 0 },
    characters: 0,
    billedCharacters: 0,
    requests: 0,
    outputs: [],
  };
}

export function assertNotEmpty(doc: Document): void {
  if (segmentsOf(doc).length === 0) throw new InputError(`${doc.path}: no text to translate`);
}
