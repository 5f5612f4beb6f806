/**
 * The document model every stage reads and returns: Document → Block[] → Segment[].
 * Text is never re-parsed downstream: offsets, spans and layout live here.
 */

export type BlockKind = 'rubric' | 'headline' | 'paragraph';

/**
 * Translation state of a segment, in the translator's vocabulary (XLIFF 2 names, plus
 * `needs-review` for machine output a post-check rejected or a source changed under a
 * reviewed target).
 */
export type SegmentState = 'initial' | 'translated' | 'needs-review' | 'reviewed' | 'final';

/** How a glossary term travels through the engine. */
export type TermPolicy = 'protect' | 'provider';

/** A glossary hit in a segment's source (offsets are UTF-16 indices into `Segment.source`). */
export interface TermSpan {
  start: number;
  end: number;
  /** Glossary entry id. */
  entryId: string;
  /** The English form the span must come out as. */
  target: string;
  policy: TermPolicy;
  /**
   * Set when the span starts with a contracted article (du, des, au, aux) its entry absorbs: the bare
   * preposition ("de", "à", capitalised like the source) is written before the placeholder, outside it,
   * so "du Front Al-Nosra" goes to the engine as "de __E1__".
   */
  preposition?: string;
}

/** Where a target came from, for notes and provenance metadata. */
export interface Provenance {
  /** Engine name (`apertium`, `deepl`, `pseudo`), or `memory:<engine>`, or `human`. */
  engine: string;
  glossaryHash?: string;
  billedCharacters?: number;
  /**
   * The engine's own output, set only when it differs from `Segment.target` (a reviewer edited
   * the target after the engine wrote it). Undefined means the target is still what the engine wrote.
   * XLIFF keeps it as 1.2 `<alt-trans>` / 2.x `<mtc:match>`.
   */
  machineTarget?: string;
}

export interface Segment {
  /** Stable id, `<block id>.s<n>` (e.g. `p4.s2`). */
  id: string;
  source: string;
  /** Exact text between this segment and the next one in the block (spaces, a line break); '' for the last. */
  after: string;
  spans: TermSpan[];
  target?: string;
  /**
   * English term spans in `target` (offsets into target), set when the glossary restored them;
   * writers mark these as terms.
   */
  targetSpans?: TermSpan[];
  state: SegmentState;
  /** Notes for reviewers (post-check failures, a previous reviewed target). */
  notes: string[];
  provenance?: Provenance;
}

export interface Block {
  /** `p<n>`, numbering every block of the document from 1. */
  id: string;
  kind: BlockKind;
  segments: Segment[];
  /** Exact text between this block and the next (line breaks, blank lines); trailing text after the last. */
  after: string;
}

export type LineEnding = '\n' | '\r\n' | '\r';

export interface Document {
  /** Source path as given by the user (recorded as XLIFF `original`). */
  path: string;
  sourceLang: string;
  targetLang: string;
  /** Text before the first block (leading blank lines), kept for layout. */
  before: string;
  blocks: Block[];
  /** Line ending of the source, used when rendering. */
  eol: LineEnding;
  /** Whether the source started with a UTF-8 byte order mark. */
  bom: boolean;
}

/** Every segment of the document, in order. */
export function segmentsOf(doc: Document): Segment[] {
  return doc.blocks.flatMap((block) => block.segments);
}

/** The block's source text, rebuilt exactly from its segments. */
export function blockSource(block: Block): string {
  return block.segments.map((s) => s.source + s.after).join('');
}

/** The whole source text, rebuilt exactly from the model. */
export function documentSource(doc: Document): string {
  return doc.before + doc.blocks.map((b) => blockSource(b) + b.after).join('');
}
