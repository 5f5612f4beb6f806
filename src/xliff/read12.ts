/**
 * XLIFF 1.2 reader: Versio's own files exactly (layout from the skeleton, term table from the
 * header glossary, provenance from the context group), and files other tools wrote or rewrote
 * (any attribute order, extra namespaces, missing targets, approved/state from CAT tools).
 */
import type { Block, Document } from '../document.js';
import { InputError } from '../errors.js';
import { childElements, textOf, type XmlElement } from '../xml/tree.js';
import { eolFromName, type Layout, parseLayout } from './layout.js';
import { KIND_RESTYPE_PREFIX, XLIFF12_NS } from './names12.js';
import {
  at,
  blockKind,
  defaultBlockAfter,
  locate,
  type ReadOptions,
  refuseRepeat,
  type SegmentLocation,
  type XliffBuilder,
  type XliffReadResult,
} from './read-model.js';
import { parseTermTable, type TermTable } from './terms12.js';
import { readTransUnit } from './trans-unit12.js';

interface OpenGroup {
  block: Block;
  hasChildGroup: boolean;
  /** `translate` of this group, or inherited from an enclosing one. */
  translate: boolean;
}

export function xliff12Builder(path: string, options: ReadOptions = {}): XliffBuilder {
  const doc: Document = {
    path: '',
    sourceLang: '',
    targetLang: '',
    before: '',
    blocks: [],
    eol: '\n',
    bom: false,
  };
  const locations = new Map<string, SegmentLocation>();
  const groups: OpenGroup[] = [];
  let files = 0;
  let file = { original: '', targetLang: '' };
  // XLIFF 1.2 (trans-unit `id`): unique within its <file>.
  let seen = new Map<string, XmlElement>();
  const blockIds = new Set<string>();
  let layout: Layout | undefined;
  let terms: TermTable | undefined;

  const isXliff = (element: XmlElement, name: string): boolean =>
    element.uri === XLIFF12_NS && element.name === name;

  return {
    open(element) {
      if (isXliff(element, 'file')) {
        if (++files > 1 && !options.allFiles) {
          throw new InputError(
            `${at(path, element)}: a second <file>; Versio reads one document per XLIFF file`,
          );
        }
        file = {
          original: element.attrs.get('original') ?? '',
          targetLang: element.attrs.get('target-language') ?? '',
        };
        seen = new Map();
        if (files === 1) {
          doc.path = file.original;
          doc.sourceLang = element.attrs.get('source-language') ?? '';
          doc.targetLang = file.targetLang;
        }
        return false;
      }
      if (isXliff(element, 'group')) {
        const parent = groups[groups.length - 1];
        if (parent) parent.hasChildGroup = true;
        const kind = blockKind(element.attrs.get('restype'), KIND_RESTYPE_PREFIX);
        groups.push({
          block: { id: element.attrs.get('id') ?? '', kind, segments: [], after: '' },
          hasChildGroup: false,
          translate: translateOf(element, parent?.translate ?? true),
        });
        return false;
      }
      return isXliff(element, 'header') || isXliff(element, 'trans-unit');
    },
    close(element) {
      if (!isXliff(element, 'group')) return;
      // The reader closes only what it opened: each group's close pops the entry its open pushed.
      const group = groups.pop();
      if (!group) return;
      const { block, hasChildGroup } = group;
      // A group that only holds other groups is structure, not a block of text.
      if (block.segments.length > 0 || !hasChildGroup) {
        if (block.id === '' || blockIds.has(block.id)) block.id = `g${doc.blocks.length + 1}`;
        blockIds.add(block.id);
        doc.blocks.push(block);
      }
    },
    captured(element) {
      if (element.name === 'header') {
        // Versio writes one <file>: only the first file's header can carry its layout and terms.
        if (files === 1) ({ layout, terms } = readHeader(element, path));
        return;
      }
      const group = groups[groups.length - 1];
      const unitId = element.attrs.get('id');
      if (unitId !== undefined && !options.allFiles) refuseRepeat(seen, unitId, element, path);
      const translate = translateOf(element, group?.translate ?? true);
      for (const { segment, codes, mid } of readTransUnit(element, terms, path)) {
        const keys = [segment.id, `${file.original}/${segment.id}`];
        segment.id = locate(locations, keys, element, {
          file: file.original,
          unit: unitId ?? segment.id,
          ...(mid === undefined ? {} : { segment: mid }),
          translate,
          targetLang: file.targetLang,
          codes,
        });
        if (group) group.block.segments.push(segment);
        else {
          blockIds.add(segment.id);
          doc.blocks.push({ id: segment.id, kind: 'paragraph', segments: [segment], after: '' });
        }
      }
    },
    finish(): XliffReadResult {
      if (files === 0) throw new InputError(`${path}: no <file> element; an XLIFF 1.2 document needs one`);
      applyLayout(doc, layout, path);
      return { version: '1.2', doc, locations };
    },
  };
}

/** XLIFF 1.2 `translate="yes|no"` on <group> and <trans-unit>; a unit inherits its group's. */
function translateOf(element: XmlElement, inherited: boolean): boolean {
  const value = element.attrs.get('translate');
  return value === undefined ? inherited : value !== 'no';
}

function readHeader(header: XmlElement, path: string): { layout?: Layout; terms?: TermTable } {
  const internal = (name: string): XmlElement | undefined =>
    childElements(header, name, XLIFF12_NS)
      .flatMap((e) => childElements(e, 'internal-file', XLIFF12_NS))
      .find((file) => file.attrs.get('form') === 'application/json');
  const skeleton = internal('skl');
  const glossary = internal('glossary');
  return {
    layout: skeleton && parseLayout(textOf(skeleton), at(path, skeleton)),
    terms: glossary && parseTermTable(textOf(glossary), at(path, glossary)),
  };
}

/** The skeleton's layout by id; what it does not name gets the defaults of read-model.ts. */
function applyLayout(doc: Document, layout: Layout | undefined, path: string): void {
  if (layout) {
    doc.eol = eolFromName(layout.eol, `${path}: skeleton`);
    doc.bom = layout.bom;
    doc.before = layout.before;
  }
  const blocks = new Map(layout?.blocks.map((b) => [b.id, b]));
  doc.blocks.forEach((block, index) => {
    const known = blocks.get(block.id);
    block.after = known?.after ?? defaultBlockAfter(doc.blocks, index);
    const segments = new Map(known?.segments.map((s) => [s.id, s.after]));
    block.segments.forEach((segment, i) => {
      segment.after = segments.get(segment.id) ?? (i === block.segments.length - 1 ? '' : ' ');
    });
  });
}
