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
  /**
   * Who wrote the target: an engine (`apertium`, `deepl`, `pseudo`) or `human`; for a target from
   * the translation memory, the provider of its record (`human`, `tmx`, an engine).
   */
  engine: string;
  /**
   * The target is a person's translation or an imported unit found in the translation memory
   * (XLIFF 1.2 `leveraged-tm`; files spell it `memory:<engine>`, document-notes.ts). An engine's
   * own earlier output found there is credited to that engine, unmarked.
   */
  fromMemory?: boolean;
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
  /**
   * Notes for reviewers from the file (a person's, a CAT tool's, the reader's own); the flags
   * below are written as notes after them (document-notes.ts).
   */
  notes: string[];
  /**
   * What the post-check found wrong with the target (a glossary form missing, a placeholder left,
   * the engine's own doubt): the segment needs review.
   */
  problems?: string[];
  /** The reviewed target this segment had before its source changed: it needs review again. */
  reviewedBeforeSourceChange?: string;
  /**
   * Set by the merge (pipeline/merge.ts): the target comes from the article's previous XLIFF, as a
   * person's work kept (`reviewed`) or an untouched machine target reused (`machine`).
   */
  carriedOver?: 'reviewed' | 'machine';
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
