/**
 * What the XLIFF readers return, and the pieces both versions share: the per-version
 * builder they implement, and the layout Versio assumes for files another tool produced.
 */
import type { Block, BlockKind, Document } from '../document.js';
import { InputError } from '../errors.js';
import type { XmlElement } from './xml-tree.js';

/** 1-based position of a `<trans-unit>`/`<segment>` start tag, for messages naming file:line:column. */
export interface SegmentLocation {
  line: number;
  column: number;
}

export interface XliffReadResult {
  version: '1.2' | '2.0' | '2.1';
  doc: Document;
  /** By segment id. */
  locations: Map<string, SegmentLocation>;
}

/** One version's reading of the event stream (see xml-tree.ts). */
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

/** Records a segment's location, refusing a second segment with the same id. */
export function locate(
  locations: Map<string, SegmentLocation>,
  id: string,
  element: XmlElement,
  path: string,
): void {
  const first = locations.get(id);
  if (first !== undefined) {
    throw new InputError(
      `${at(path, element)}: segment id "${id}" is used twice (first at line ${first.line}, column ${first.column})`,
    );
  }
  locations.set(id, { line: element.line, column: element.column });
}
