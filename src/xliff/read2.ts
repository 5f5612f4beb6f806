/**
 * XLIFF 2.0/2.1 reader: Versio's own files exactly (layout from `<ignorable>` and the Metadata
 * module, terms from the Glossary module, the engine's output from Translation Candidates), and
 * 2.x files from other tools (segments without ids, no metadata, other modules ignored).
 */

import type { Block, Document, Provenance, Segment, TermSpan } from '../document.js';
import { readEngineLabel, readNotes } from '../document-notes.js';
import { InputError } from '../errors.js';
import { attrKey, childElements, textOf, type XmlElement } from '../xml/tree.js';
import { inlineCodesNote, readInline } from './inline-read.js';
import { eolFromName } from './layout.js';
import {
  ENGINE_OUTPUT_SUBTYPE,
  GLS_NS,
  GLS_PREFIX,
  KIND_TYPE_PREFIX,
  LAYOUT_CATEGORY,
  MDA_NS,
  MTC_NS,
  PROVENANCE_CATEGORY,
  VERSIO_NS,
} from './names2.js';
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
import { fromState2 } from './state.js';

const XLIFF2_CORE_PREFIX = 'urn:oasis:names:tc:xliff:document:2.';

export function xliff2Builder(
  path: string,
  version: '2.0' | '2.1' | '2.2',
  root: XmlElement,
  options: ReadOptions = {},
): XliffBuilder {
  // 2.2 files use the 2.2 core namespace; everything else about the core is read alike.
  const core = root.uri;
  const doc: Document = {
    path: '',
    sourceLang: root.attrs.get('srcLang') ?? '',
    targetLang: root.attrs.get('trgLang') ?? '',
    before: '',
    blocks: [],
    eol: '\n',
    bom: false,
  };
  const locations = new Map<string, SegmentLocation>();
  const blockAfter = new Map<Block, string>();
  const blockIds = new Set<string>();
  let files = 0;
  let file = '';

  return {
    open(element, parents) {
      const parent = parents[parents.length - 1];
      if (element.uri === core && element.name === 'file') {
        if (++files > 1 && !options.allFiles) {
          throw new InputError(
            `${at(path, element)}: a second <file>; Versio reads one document per XLIFF file`,
          );
        }
        file = element.attrs.get('original') ?? element.attrs.get('id') ?? '';
        if (files === 1) doc.path = element.attrs.get('original') ?? '';
        return false;
      }
      if (element.uri === MDA_NS && element.name === 'metadata' && parent?.name === 'file')
        return files === 1;
      return element.uri === core && element.name === 'unit';
    },
    close() {},
    captured(element, parents) {
      if (element.name === 'metadata') {
        const layout = metaValues(element, LAYOUT_CATEGORY)[0];
        const [eol, bom, before] = [layout?.get('eol'), layout?.get('bom'), layout?.get('before')];
        if (eol !== undefined) doc.eol = eolFromName(eol, at(path, element));
        if (bom !== undefined) doc.bom = bom === 'yes';
        if (before !== undefined) doc.before = before;
        return;
      }
      const place = { file, translate: translateOf([...parents, element]), targetLang: doc.targetLang };
      const { block, after } = readUnit(element, doc, locations, path, core, {
        ...place,
        lenient: options.allFiles === true,
      });
      if (blockIds.has(block.id)) block.id = `${file}/${block.id}`;
      blockIds.add(block.id);
      doc.blocks.push(block);
      if (after !== undefined) blockAfter.set(block, after);
    },
    finish(): XliffReadResult {
      if (files === 0) throw new InputError(`${path}: no <file> element; an XLIFF 2 document needs one`);
      doc.blocks.forEach((block, index) => {
        block.after = blockAfter.get(block) ?? defaultBlockAfter(doc.blocks, index);
      });
      return { version, doc, locations };
    },
  };
}

/** XLIFF 2 `translate` (on <file>, <group>, <unit>) is inherited: the innermost one set wins. */
function translateOf(elements: readonly XmlElement[]): boolean {
  const set = elements.findLast((e) => e.attrs.has('translate'));
  return set?.attrs.get('translate') !== 'no';
}

/** The `mda:meta` values of each metaGroup with this category, by meta type. */
function metaValues(metadata: XmlElement, category: string): Array<Map<string, string>> {
  return childElements(metadata, 'metaGroup', MDA_NS)
    .filter((group) => group.attrs.get('category') === category)
    .map(
      (group) =>
        new Map(childElements(group, 'meta', MDA_NS).map((m) => [m.attrs.get('type') ?? '', textOf(m)])),
    );
}

interface GlossEntry {
  entryId: string;
  target: string;
  policy: 'protect' | 'provider';
}

function readUnit(
  unit: XmlElement,
  doc: Document,
  locations: Map<string, SegmentLocation>,
  path: string,
  core: string,
  { lenient, ...place }: { file: string; translate: boolean; targetLang: string; lenient?: boolean },
): { block: Block; after?: string } {
  const id = unit.attrs.get('id');
  if (id === undefined) throw new InputError(`${at(path, unit)}: <unit> without the required id`);
  const block: Block = {
    id,
    kind: blockKind(unit.attrs.get('type'), KIND_TYPE_PREFIX),
    segments: [],
    after: '',
  };
  const entries = glossEntries(unit);
  const metadata = childElements(unit, 'metadata', MDA_NS);
  const after = metadata.flatMap((m) => metaValues(m, LAYOUT_CATEGORY))[0]?.get('after');
  const provenance = new Map(
    metadata
      .flatMap((m) => metaValues(m, PROVENANCE_CATEGORY))
      .map((values) => [values.get('segment') ?? '', values] as const),
  );
  const machine = engineOutputs(unit);
  const isTerm = (e: XmlElement) => e.uri === core && e.name === 'mrk' && e.attrs.get('type') === 'term';
  // XLIFF 2.x `id` constraint: segment and ignorable ids are unique within the enclosing <unit>, not the file.
  const seen = new Map<string, XmlElement>();
  const spansOf = (text: ReturnType<typeof readInline>): TermSpan[] =>
    text.marks.map((m) => {
      const ref = m.element.attrs.get('ref') ?? '';
      const entry = ref.startsWith(`#${GLS_PREFIX}=`)
        ? entries.get(ref.slice(GLS_PREFIX.length + 2))
        : undefined;
      return {
        start: m.start,
        end: m.end,
        ...(entry ?? { entryId: m.element.attrs.get('value') ?? '', target: '', policy: 'provider' }),
      };
    });

  for (const child of childElements(unit).filter((e) => e.uri === core)) {
    const ownId = child.attrs.get('id');
    if (ownId !== undefined && !lenient && (child.name === 'segment' || child.name === 'ignorable'))
      refuseRepeat(seen, ownId, child, path);
    const previous = block.segments[block.segments.length - 1];
    if (child.name === 'ignorable') {
      const text = textOf(childElements(child, 'source', core)[0] ?? child);
      // Text before a unit's first segment has no segment to follow: it joins what precedes the block.
      const blockBefore = doc.blocks.at(-1);
      if (previous) previous.after += text;
      else if (blockBefore) blockBefore.after += text;
      else doc.before += text;
      continue;
    }
    if (child.name !== 'segment') continue;
    const source = childElements(child, 'source', core)[0];
    if (source === undefined) throw new InputError(`${at(path, child)}: <segment> without <source>`);
    const src = readInline(source, isTerm);
    const targetElement = childElements(child, 'target', core)[0];
    const tgt = targetElement && readInline(targetElement, isTerm);
    const keys = ownId === undefined ? [`${id}.s${block.segments.length + 1}`] : [ownId, `${id}/${ownId}`];
    const segmentId = locate(locations, [...keys, `${place.file}/${id}/${ownId ?? keys[0]}`], child, {
      ...place,
      unit: id,
      ...(ownId === undefined ? {} : { segment: ownId }),
      codes: { source: src.refs, ...(tgt ? { target: tgt.refs } : {}) },
    });
    const segment: Segment = {
      id: segmentId,
      source: src.text,
      after: '',
      spans: spansOf(src),
      state: fromState2(child.attrs.get('state'), child.attrs.get('subState')),
      notes: [],
    };
    if (tgt) {
      segment.target = tgt.text;
      if (tgt.marks.length > 0) segment.targetSpans = spansOf(tgt);
    }
    const p = readProvenance(provenance.get(segmentId), machine.get(segmentId), segment.target);
    if (p) segment.provenance = p;
    if (src.codes.length > 0) segment.notes.push(inlineCodesNote('source', src.codes));
    if (tgt && tgt.codes.length > 0) segment.notes.push(inlineCodesNote('target', tgt.codes));
    block.segments.push(segment);
  }
  attachNotes(unit, block, core);
  for (const s of block.segments) Object.assign(s, readNotes(s.notes));
  return after === undefined ? { block } : { block, after };
}

function glossEntries(unit: XmlElement): Map<string, GlossEntry> {
  const entries = new Map<string, GlossEntry>();
  for (const glossary of childElements(unit, 'glossary', GLS_NS)) {
    for (const entry of childElements(glossary, 'glossEntry', GLS_NS)) {
      const term = childElements(entry, 'term', GLS_NS)[0];
      const translation = childElements(entry, 'translation', GLS_NS)[0];
      entries.set(entry.attrs.get('id') ?? '', {
        entryId: entry.attrs.get(attrKey('entry', VERSIO_NS)) ?? (term ? textOf(term) : ''),
        target: translation ? textOf(translation) : '',
        policy: entry.attrs.get(attrKey('policy', VERSIO_NS)) === 'protect' ? 'protect' : 'provider',
      });
    }
  }
  return entries;
}

/** Versio's `mtc:match` elements (the engine's output), by the segment id they point at. */
function engineOutputs(unit: XmlElement): Map<string, { origin?: string; text: string }> {
  const outputs = new Map<string, { origin?: string; text: string }>();
  for (const matches of childElements(unit, 'matches', MTC_NS)) {
    for (const match of childElements(matches, 'match', MTC_NS)) {
      if (match.attrs.get('subType') !== ENGINE_OUTPUT_SUBTYPE) continue;
      const target = childElements(match, 'target').find((e) => e.uri.startsWith(XLIFF2_CORE_PREFIX));
      const origin = match.attrs.get('origin');
      outputs.set((match.attrs.get('ref') ?? '').replace(/^#/, ''), {
        text: target ? textOf(target) : '',
        ...(origin === undefined ? {} : { origin }),
      });
    }
  }
  return outputs;
}

function readProvenance(
  values: Map<string, string> | undefined,
  machine: { origin?: string; text: string } | undefined,
  target: string | undefined,
): Provenance | undefined {
  const engine = values?.get('engine') ?? machine?.origin;
  if (engine === undefined) return undefined;
  // A machine claim needs the engine's output: without it a tool may have edited the target and
  // nothing could tell, so the target counts as a person's work (pipeline/merge.ts).
  if (engine !== 'human' && machine === undefined && target !== undefined && target !== '') return undefined;
  const provenance: Provenance = readEngineLabel(engine);
  const hash = values?.get('glossary-hash');
  if (hash !== undefined) provenance.glossaryHash = hash;
  const billed = values?.get('billed-characters');
  if (billed !== undefined && /^\d+$/.test(billed)) provenance.billedCharacters = Number(billed);
  if (machine !== undefined && machine.text !== target) provenance.machineTarget = machine.text;
  return provenance;
}

/** Unit notes go to the segment named by `versio:segment`, else to the unit's first segment. */
function attachNotes(unit: XmlElement, block: Block, core: string): void {
  const notes = childElements(unit, 'notes', core).flatMap((n) => childElements(n, 'note', core));
  for (const note of notes.reverse()) {
    const segmentId = note.attrs.get(attrKey('segment', VERSIO_NS));
    const segment = block.segments.find((s) => s.id === segmentId) ?? block.segments[0];
    // Reversed and unshifted, so file notes come first, in order, before inline-code notes.
    segment?.notes.unshift(textOf(note));
  }
}
