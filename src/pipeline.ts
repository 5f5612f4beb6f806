import type PQueue from 'p-queue';
import type { Document, Segment } from './document.js';
import { segmentsOf } from './document.js';
import { InputError } from './errors.js';
import { type Placeholder, protectTerms, restoreTerms } from './glossary/protect.js';
import type { Glossary } from './glossary/types.js';
import { memoryKey, termsHash } from './memory/key.js';
import type { MemoryRecord, TranslationMemory } from './memory/store.js';
import type { DocumentSummary, PipelineEvent } from './pipeline/events.js';
import { entriesTouching, missingTerms, spansToProtect } from './pipeline/terms.js';
import type { Provider, SourceText, TranslateResult } from './providers/provider.js';
import { defaultQueueOptions, makeBatches, translateAll } from './queue/index.js';
import { englishTypography } from './render/typography.js';
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
  /** The run's request queue: one pace and one rate limit for all documents (queue/createRequestQueue). */
  requests: PQueue;
  memory: TranslationMemory;
  glossary: Glossary | undefined;
  signal: AbortSignal;
  onEvent?: (event: PipelineEvent) => void;
}

/** A document with its memory hits filled in and the work left for the engine. */
export interface Plan {
  doc: Document;
  work: Work[];
  summary: DocumentSummary;
}

/**
 * Stage "memory": segments found in the translation memory are filled from it; the rest are
 * protected and queued as work for the engine. Nothing is sent yet, so a run can be priced
 * (`--dry-run`, `--max-chars`) before it costs anything.
 */
export function planDocument(doc: Document, ctx: PipelineContext): Plan {
  const { provider, memory } = ctx;
  const summary = emptySummary(doc.path);
  const work: Work[] = [];
  const pending = segmentsOf(doc).filter((s) => s.state === 'initial');
  summary.segments = segmentsOf(doc).length;
  const carried = segmentsOf(doc).filter((s) => s.state !== 'initial');
  summary.kept = carried.filter(isReviewed).length;
  summary.reused = carried.length - summary.kept;
  for (const segment of pending) {
    const key = memoryKey({
      source: segment.source,
      provider: provider.name,
      fingerprint: provider.fingerprint,
      termsHash: termsHash(entriesTouching(segment, ctx.glossary)),
    });
    const hit = memory.lookup(key);
    if (hit) {
      finish(segment, hit.target, [], `memory:${hit.provider}`, ctx.glossary);
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
  summary.characters = work.reduce((n, w) => n + w.segment.source.length, 0);
  const estimate = provider.estimateTokens;
  if (estimate && work.length > 0) {
    const batches = makeBatches(
      work.map((w) => w.text),
      provider.limits,
    );
    const usage = batches.map((b) => estimate.call(provider, b));
    summary.tokens = {
      prompt: usage.reduce((n, u) => n + u.promptTokens, 0),
      completion: usage.reduce((n, u) => n + u.completionTokens, 0),
    };
  }
  summary.requests =
    work.length === 0
      ? 0
      : makeBatches(
          work.map((w) => w.text),
          provider.limits,
        ).length;
  return { doc, work, summary };
}

/**
 * Stages "provider → restore": the planned work goes to the engine through the queue; every
 * finished batch is stored in the memory as soon as it returns, so a crash or a quota stop
 * loses nothing already paid for.
 */
export async function executePlan(plan: Plan, ctx: PipelineContext): Promise<DocumentSummary> {
  const { doc, work, summary } = plan;
  ctx.onEvent?.({
    type: 'document-start',
    path: doc.path,
    segments: summary.segments,
    fromMemory: summary.fromMemory,
    toTranslate: work.length,
  });
  if (work.length > 0) await runEngine(doc, work, ctx, summary);
  tally(doc, summary);
  return summary;
}

async function runEngine(
  doc: Document,
  work: Work[],
  ctx: PipelineContext,
  summary: DocumentSummary,
): Promise<void> {
  const byId = new Map(work.map((w) => [w.segment.id, w]));
  await translateAll(
    ctx.provider,
    work.map((w) => w.text),
    {
      ...defaultQueueOptions(ctx.provider.name),
      signal: ctx.signal,
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
          const problems = untrusted === undefined ? restored.problems : [untrusted, ...restored.problems];
          finish(item.segment, restored.text, problems, ctx.provider.name, ctx.glossary);
          item.segment.targetSpans = restored.targetSpans;
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

/** Restore done: English typography, post-check, state and provenance. */
function finish(
  segment: Segment,
  target: string,
  problems: string[],
  engine: string,
  glossary?: Glossary,
): void {
  segment.target = englishTypography(target);
  segment.provenance = { engine, ...(glossary ? { glossaryHash: glossary.hash } : {}) };
  const missing = missingTerms(segment).map((form) => `glossary term "${form}" missing from the translation`);
  const all = [...problems, ...missing];
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
  for (const item of work) {
    const i = index.get(item.segment.id) ?? 0;
    const around = [all[i - 2], all[i - 1], all[i + 1], all[i + 2]].filter((s) => s !== undefined);
    item.text.context = around.map((s) => s.source).join(' ');
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
