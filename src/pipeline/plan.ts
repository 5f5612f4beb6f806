import type { Document, Segment } from '../document.js';
import { segmentsOf } from '../document.js';
import { type Placeholder, protectTerms } from '../glossary/protect.js';
import type { MemoryRecord } from '../memory/record.js';
import type { SourceText } from '../providers/provider.js';
import { makeBatches } from '../queue/index.js';
import type { PipelineContext } from './context.js';
import type { DocumentSummary } from './events.js';
import { findInMemory, reviewedRecords, segmentKey } from './memory.js';
import { fill, memoryTarget } from './target.js';
import { placeMarkers, spansToProtect } from './terms.js';

/** What one segment needs from the engine, prepared before anything is sent. */
export interface Work {
  segment: Segment;
  key: string;
  text: SourceText;
  placeholders: Placeholder[];
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
  summary.keptFromReview = segmentsOf(doc).filter((s) => s.carriedOver === 'reviewed').length;
  summary.reused = segmentsOf(doc).filter((s) => s.carriedOver === 'machine').length;
  for (const segment of pending) {
    const key = segmentKey(segment, provider, ctx.glossary);
    const hit = await findInMemory(memory, key, segment, doc);
    if (hit) {
      fill(segment, memoryTarget(segment, hit, doc.targetLang, ctx.glossary));
      summary.fromMemory += 1;
      continue;
    }
    const spans = spansToProtect(segment, provider.supportsGlossary);
    const shielded = protectTerms(segment.source, spans, provider.placeholderStyle);
    summary.entities.protected += spans.length;
    const places = placeMarkers(segment, spans, shielded.placeholders, ctx.glossary);
    work.push({
      segment,
      key,
      placeholders: shielded.placeholders,
      text: { id: segment.id, text: shielded.text, ...(places.length > 0 ? { places } : {}) },
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

function emptySummary(path: string): DocumentSummary {
  return {
    path,
    segments: 0,
    fromMemory: 0,
    translated: 0,
    keptFromReview: 0,
    reused: 0,
    needsReview: 0,
    entities: { matched: 0, protected: 0, verified: 0 },
    characters: 0,
    billedCharacters: 0,
    requests: 0,
    outputs: [],
  };
}
