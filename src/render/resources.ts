import type { Document } from '../document.js';

/** An i18next resource bundle: flat keys = segment ids (`p4.s2`), values = targets. */
export type ResourceBundle = Record<string, string>;

/** The targets of a document as an i18next bundle; a segment without target falls back to its source. */
export function toResources(doc: Document): ResourceBundle {
  const bundle: ResourceBundle = {};
  for (const block of doc.blocks) {
    for (const segment of block.segments) bundle[segment.id] = segment.target ?? segment.source;
  }
  return bundle;
}
