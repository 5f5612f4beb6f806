/**
 * One XLIFF 1.2 `<trans-unit>` into segments: one segment, or one per `<mrk mtype="seg">` of its
 * `<seg-source>` (1.2 §2.7 segmentation: the target's `<mrk mtype="seg">` with the same `mid`
 * holds that segment's translation).
 */

import type { Provenance, Segment, TermSpan } from '../document.js';
import { readEngineLabel, readNotes } from '../document-notes.js';
import { InputError } from '../errors.js';
import { childElements, textOf, type XmlElement } from '../xml/tree.js';
import { GENERATED_NOTE_FROM } from './generated-notes.js';
import { type CodeRef, type InlineText, inlineCodesNote, readInline } from './inline-read.js';
import { PROVENANCE_CONTEXT, XLIFF12_NS } from './names12.js';
import { TOOL_ID } from './options.js';
import { at } from './read-model.js';
import { fromState12 } from './state.js';
import { type TermTable, termInfo } from './terms12.js';

export interface ReadSegment12 {
  segment: Segment;
  codes: { source: CodeRef[]; target?: CodeRef[] };
  /** The `mid` of a `<seg-source>` segment. */
  mid?: string;
}

const isXliff = (e: XmlElement, name: string) => e.uri === XLIFF12_NS && e.name === name;
const isTerm = (e: XmlElement) => isXliff(e, 'mrk') && e.attrs.get('mtype') === 'term';
const isSeg = (e: XmlElement) => isXliff(e, 'mrk') && e.attrs.get('mtype') === 'seg';

export function readTransUnit(unit: XmlElement, terms: TermTable | undefined, path: string): ReadSegment12[] {
  const id = unit.attrs.get('id');
  if (id === undefined) throw new InputError(`${at(path, unit)}: <trans-unit> without the required id`);
  const child = (name: string) => childElements(unit, name, XLIFF12_NS)[0];
  const source = child('source');
  if (source === undefined) throw new InputError(`${at(path, unit)}: trans-unit "${id}" has no <source>`);
  const targetElement = child('target');
  const notes = childElements(unit, 'note', XLIFF12_NS)
    .filter((note) => note.attrs.get('from') !== GENERATED_NOTE_FROM)
    .map(textOf);
  const state = (tgt: InlineText | undefined) =>
    fromState12(targetElement?.attrs.get('state'), unit.attrs.get('approved') === 'yes', tgt?.text);

  const segSource = child('seg-source');
  const marks = segSource ? segMarks(segSource) : [];
  if (marks.length > 0) {
    const targets = new Map(
      (targetElement ? segMarks(targetElement) : []).map((m) => [m.attrs.get('mid') ?? '', m] as const),
    );
    return marks.map((mark, index) => {
      const mid = mark.attrs.get('mid') ?? String(index + 1);
      const target = targets.get(mid);
      const tgt = target && readInline(target, isTerm);
      const read = segment(
        `${id}/${mid}`,
        readInline(mark, isTerm),
        tgt,
        index === 0 ? [...notes] : [],
        terms,
      );
      read.segment.state = state(tgt);
      return { ...read, mid };
    });
  }
  const tgt = targetElement && readInline(targetElement, isTerm);
  const read = segment(id, readInline(source, isTerm), tgt, notes, terms);
  read.segment.state = state(tgt);
  const provenance = readProvenance(unit, read.segment.target);
  if (provenance) read.segment.provenance = provenance;
  return [read];
}

/** The `<mrk mtype="seg">` of a `<seg-source>` or `<target>`, also inside other inline elements. */
function segMarks(element: XmlElement): XmlElement[] {
  return childElements(element).flatMap((e) => (isSeg(e) ? [e] : segMarks(e)));
}

function segment(
  id: string,
  src: InlineText,
  tgt: InlineText | undefined,
  notes: string[],
  terms?: TermTable,
): ReadSegment12 {
  const spansOf = (text: InlineText): TermSpan[] =>
    text.marks.map((m) => ({
      start: m.start,
      end: m.end,
      ...termInfo(terms, m.element.attrs.get('comment')),
    }));
  if (src.codes.length > 0) notes.push(inlineCodesNote('source', src.codes));
  if (tgt && tgt.codes.length > 0) notes.push(inlineCodesNote('target', tgt.codes));
  const result: Segment = {
    id,
    source: src.text,
    after: '',
    spans: spansOf(src),
    state: 'initial',
    ...readNotes(notes),
  };
  if (tgt) {
    result.target = tgt.text;
    if (tgt.marks.length > 0) result.targetSpans = spansOf(tgt);
  }
  return { segment: result, codes: { source: src.refs, ...(tgt ? { target: tgt.refs } : {}) } };
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
  // nothing could tell, so the target counts as a person's work (pipeline/merge.ts).
  if (engine !== 'human' && machine === undefined && target !== undefined && target !== '') return undefined;
  const provenance: Provenance = readEngineLabel(engine);
  const hash = contexts.get(PROVENANCE_CONTEXT.glossaryHash);
  if (hash !== undefined) provenance.glossaryHash = hash;
  const billed = contexts.get(PROVENANCE_CONTEXT.billedCharacters);
  if (billed !== undefined && /^\d+$/.test(billed)) provenance.billedCharacters = Number(billed);
  if (machine !== undefined && textOf(machine) !== target) provenance.machineTarget = textOf(machine);
  return provenance;
}
