/**
 * What the XLIFF readers return, and the pieces both versions share: the per-version
 * builder they implement, and the layout Versio assumes for files another tool produced.
 */
import type { Block, BlockKind, Document } from '../document.js';
import { InputError } from '../errors.js';
import type { XmlElement } from '../xml/tree.js';
import type { CodeRef } from './inline-read.js';

/**
 * 1-based position of a `<trans-unit>`/`<segment>` start tag, for messages naming file:line:column,
 * and what the reader knows of the segment beyond the document model: its place in the file
 * (`<file>`, unit id, segment id as written there), whether it is to be translated, the target
 * language of its `<file>`, and its inline codes.
 */
export interface SegmentLocation {
  line: number;
  column: number;
  /** The `<file>`'s `original` (or 2.x `id`). */
  file?: string;
  /** `<trans-unit>`/`<unit>` id. */
  unit?: string;
  /** The segment's own id in the file (2.x `<segment id>`, 1.2 `<mrk mtype="seg" mid>`), when it has one. */
  segment?: string;
  /** False for `translate="no"` (on the unit or inherited from a group or file). */
  translate?: boolean;
  /** Target language of the segment's `<file>` (1.2 `target-language`, 2.x `trgLang`). */
  targetLang?: string;
  /** Inline codes of the source and target, in order (the target's only when it has a target). */
  codes?: { source: CodeRef[]; target?: CodeRef[] };
}

export interface XliffReadResult {
  version: '1.2' | '2.0' | '2.1' | '2.2';
  doc: Document;
  /** By segment id (the model's `Segment.id`). */
  locations: Map<string, SegmentLocation>;
}

export interface ReadOptions {
  /**
   * Read every `<file>` of the document into one model, blocks in file order (for check, diff and
   * render of files other tools wrote). Off for `translate`, which refuses a second `<file>`
   * rather than lose what it holds when writing the article back.
   */
  allFiles?: boolean;
}

/** One version's reading of the event stream (see xml/tree.ts). */
export interface XliffBuilder {
  open(element: XmlElement, parents: readonly XmlElement[]): boolean;
  close(element: XmlElement): void;
  captured(element: XmlElement, parents: readonly XmlElement[]): void;
  finish(): XliffReadResult;
}

export const BLOCK_KINDS: readonly BlockKind[] = ['rubric', 'headline', 'paragraph'];

export function blockKind(value: string | undefined, prefix: string): BlockKind {
  const kind = value?.startsWith(prefix) ? value.slice(prefix.length) : undefined;
  return BLOCK_KINDS.find((k) => k === kind) ?? 'paragraph';
}

/**
 * Layout for files that carry none (written by another tool): blocks are paragraphs separated
 * by a blank line, and the text ends with a line break.
 */
export function defaultBlockAfter(blocks: readonly Block[], index: number): string {
  return index === blocks.length - 1 ? '\n' : '\n\n';
}

export function at(path: string, element: XmlElement): string {
  return `${path}:${element.line}:${element.column}`;
}

/**
 * Records a segment's location under the first of `keys` not yet taken and returns that key (the
 * model's segment id). Ids are unique only within their scope (1.2: the `<file>`; 2.x: the
 * `<unit>`), so a later key qualifies the id with its unit or file; a repeated id within its own
 * scope is refused by the caller (`refuseRepeat`).
 */
export function locate(
  locations: Map<string, SegmentLocation>,
  keys: readonly string[],
  element: XmlElement,
  place: Omit<SegmentLocation, 'line' | 'column'>,
): string {
  let key = keys.find((k) => !locations.has(k));
  for (let n = 2; key === undefined; n++) if (!locations.has(`${keys[0]}#${n}`)) key = `${keys[0]}#${n}`;
  locations.set(key, { line: element.line, column: element.column, ...place });
  return key;
}

/** Refuses an id seen before in the same scope (a `<file>` in 1.2, a `<unit>` in 2.x). */
export function refuseRepeat(
  seen: Map<string, XmlElement>,
  id: string,
  element: XmlElement,
  path: string,
  what = 'segment id',
): void {
  const first = seen.get(id);
  if (first !== undefined) {
    throw new InputError(
      `${at(path, element)}: ${what} "${id}" is used twice (first at line ${first.line}, column ${first.column})`,
    );
  }
  seen.set(id, element);
}
