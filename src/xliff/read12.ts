/**
 * XLIFF 1.2 reader: Versio's own files exactly (layout from the skeleton, term table from the
 * header glossary, provenance from the context group), and files other tools wrote or rewrote
 * (any attribute order, extra namespaces, missing targets, approved/state from CAT tools).
 */
import type { Block, Document, Provenance, Segment, TermSpan } from '../document.js';
import { InputError } from '../errors.js';
import { GENERATED_NOTE_FROM } from './generated-notes.js';
import { inlineCodesNote, readInline } from './inline-read.js';
import { eolFromName, type Layout, parseLayout } from './layout.js';
import { KIND_RESTYPE_PREFIX, PROVENANCE_CONTEXT, XLIFF12_NS } from './names12.js';
import { TOOL_ID } from './options.js';
import {
  at,
  blockKind,
  defaultBlockAfter,
  locate,
  type SegmentLocation,
  type XliffBuilder,
  type XliffReadResult,
} from './read-model.js';
import { fromState12 } from './state.js';
import { parseTermTable, type TermTable, termInfo } from './terms12.js';
import { childElements, textOf, type XmlElement } from './xml-tree.js';

interface OpenGroup {
  block: Block;
  hasChildGroup: boolean;
}

export function xliff12Builder(path: string): XliffBuilder {
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
  let layout: Layout | undefined;
  let terms: TermTable | undefined;

  const isXliff = (element: XmlElement, name: string): boolean =>
    element.uri === XLIFF12_NS && element.name === name;

  return {
    open(element) {
      if (isXliff(element, 'file')) {
        if (++files > 1) {
          throw new InputError(
            `${at(path, element)}: a second <file>; Versio reads one document per XLIFF file`,
          );
        }
        doc.path = element.attrs.get('original') ?? '';
        doc.sourceLang = element.attrs.get('source-language') ?? '';
        doc.targetLang = element.attrs.get('target-language') ?? '';
        return false;
      }
      if (isXliff(element, 'group')) {
        const parent = groups[groups.length - 1];
        if (parent) parent.hasChildGroup = true;
        const kind = blockKind(element.attrs.get('restype'), KIND_RESTYPE_PREFIX);
        groups.push({
          block: { id: element.attrs.get('id') ?? '', kind, segments: [], after: '' },
          hasChildGroup: false,
        });
        return false;
      }
      return isXliff(element, 'header') || isXliff(element, 'trans-unit');
    },
    close(element) {
      if (!isXliff(element, 'group')) return;
      const { block, hasChildGroup } = groups.pop()!;
      // A group that only holds other groups is structure, not a block of text.
      if (block.segments.length > 0 || !hasChildGroup) {
        if (block.id === '') block.id = `g${doc.blocks.length + 1}`;
        doc.blocks.push(block);
      }
    },
    captured(element) {
      if (element.name === 'header') {
        ({ layout, terms } = readHeader(element, path));
        return;
      }
      const segment = readTransUnit(element, terms, path);
      locate(locations, segment.id, element, path);
      const group = groups[groups.length - 1];
      if (group) group.block.segments.push(segment);
      else doc.blocks.push({ id: segment.id, kind: 'paragraph', segments: [segment], after: '' });
    },
    finish(): XliffReadResult {
      if (files === 0) throw new InputError(`${path}: no <file> element; an XLIFF 1.2 document needs one`);
      applyLayout(doc, layout, path);
      return { version: '1.2', doc, locations };
    },
  };
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

function readTransUnit(unit: XmlElement, terms: TermTable | undefined, path: string): Segment {
  const id = unit.attrs.get('id');
  if (id === undefined) throw new InputError(`${at(path, unit)}: <trans-unit> without the required id`);
  const child = (name: string) => childElements(unit, name, XLIFF12_NS)[0];
  const source = child('source');
  if (source === undefined) throw new InputError(`${at(path, unit)}: trans-unit "${id}" has no <source>`);
  const isTerm = (e: XmlElement) =>
    e.uri === XLIFF12_NS && e.name === 'mrk' && e.attrs.get('mtype') === 'term';
  const spansOf = (text: ReturnType<typeof readInline>): TermSpan[] =>
    text.marks.map((m) => ({
      start: m.start,
      end: m.end,
      ...termInfo(terms, m.element.attrs.get('comment')),
    }));

  const src = readInline(source, isTerm);
  const targetElement = child('target');
  const tgt = targetElement && readInline(targetElement, isTerm);
  const notes = childElements(unit, 'note', XLIFF12_NS)
    .filter((note) => note.attrs.get('from') !== GENERATED_NOTE_FROM)
    .map(textOf);
  if (src.codes.length > 0) notes.push(inlineCodesNote('source', src.codes));
  if (tgt && tgt.codes.length > 0) notes.push(inlineCodesNote('target', tgt.codes));

  const segment: Segment = {
    id,
    source: src.text,
    after: '',
    spans: spansOf(src),
    state: fromState12(targetElement?.attrs.get('state'), unit.attrs.get('approved') === 'yes', tgt?.text),
    notes,
  };
  if (tgt) {
    segment.target = tgt.text;
    if (tgt.marks.length > 0) segment.targetSpans = spansOf(tgt);
  }
  const provenance = readProvenance(unit, segment.target);
  if (provenance) segment.provenance = provenance;
  return segment;
}

function readProvenance(unit: XmlElement, target: string | undefined): Provenance | undefined {
  const contexts = new Map<string, string>();
  for (const group of childElements(unit, 'context-group', XLIFF12_NS)) {
    for (const context of childElements(group, 'context', XLIFF12_NS)) {
      contexts.set(context.attrs.get('context-type') ?? '', textOf(context));
    }
  }
  const altTrans = childElements(unit, 'alt-trans', XLIFF12_NS).find(
    (alt) => alt.attrs.get('tool-id') === TOOL_ID,
  );
  const engine = contexts.get(PROVENANCE_CONTEXT.engine) ?? altTrans?.attrs.get('origin');
  if (engine === undefined) return undefined;
  const machine = altTrans && childElements(altTrans, 'target', XLIFF12_NS)[0];
  // A machine claim needs the engine's output: without it a tool may have edited the target and
  // nothing could tell, so the target counts as a person's work (review/merge.ts).
  if (engine !== 'human' && machine === undefined && target !== undefined && target !== '') return undefined;
  const provenance: Provenance = { engine };
  const hash = contexts.get(PROVENANCE_CONTEXT.glossaryHash);
  if (hash !== undefined) provenance.glossaryHash = hash;
  const billed = contexts.get(PROVENANCE_CONTEXT.billedCharacters);
  if (billed !== undefined && /^\d+$/.test(billed)) provenance.billedCharacters = Number(billed);
  if (machine !== undefined && textOf(machine) !== target) provenance.machineTarget = textOf(machine);
  return provenance;
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
