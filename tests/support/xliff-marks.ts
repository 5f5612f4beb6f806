import { SaxesParser, type SaxesTagNS } from 'saxes';

/**
 * An independent reading of a Versio XLIFF (1.2 or 2.x) for the corpus invariants: per
 * segment, the source and target text and the term marks in each, with the glossary entry
 * each mark names. Deliberately not the project's reader, so a writer bug and a matching
 * reader bug cannot hide each other. Only what a segment holds directly counts: the engine
 * output kept in `<alt-trans>` / `<mtc:match>` is skipped.
 */
export interface TermMark {
  entryId: string;
  text: string;
}

export interface SegmentMarks {
  id: string;
  source: string;
  target?: string;
  /** XLIFF 1.2 `state` of the target, XLIFF 2 `state` of the segment. */
  state?: string;
  sourceMarks: TermMark[];
  targetMarks: TermMark[];
}

const V12 = 'urn:oasis:names:tc:xliff:document:1.2';
const V2 = 'urn:oasis:names:tc:xliff:document:2.0';
const GLS = 'urn:oasis:names:tc:xliff:glossary:2.0';
const VERSIO = 'urn:x-versio:xliff:1';

interface OpenMark {
  entry: string;
  text: string;
}

export function readXliffMarks(xml: string): SegmentMarks[] {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const segments: SegmentMarks[] = [];
  const stack: SaxesTagNS[] = [];
  let current: SegmentMarks | undefined;
  let side: 'source' | 'target' | undefined;
  let marks: OpenMark[] = [];
  // XLIFF 2: marks name a gls:glossEntry of their unit (ref="#gls=g1"), resolved at unit end.
  let glossEntries = new Map<string, string>();
  let unitSegments: SegmentMarks[] = [];
  let glossId: string | undefined;
  // XLIFF 1.2: a mark's `comment` is a key of the header's term table (src/xliff/terms12.ts).
  let termTable: string | undefined;
  const keys = new Map<string, string>();
  let skip = 0;

  const attr = (tag: SaxesTagNS, local: string, uri = '') =>
    Object.values(tag.attributes).find((a) => a.local === local && a.uri === uri)?.value;

  parser.on('opentag', (tag) => {
    stack.push(tag);
    const { local, uri } = tag;
    if (
      skip > 0 ||
      (uri === V12 && local === 'alt-trans') ||
      (uri === 'urn:oasis:names:tc:xliff:matches:2.0' && local === 'matches')
    ) {
      skip += 1;
      return;
    }
    if (uri === V12 && local === 'internal-file' && stack.at(-2)?.local === 'glossary') {
      termTable = '';
    } else if (uri === V12 && local === 'trans-unit') {
      current = { id: attr(tag, 'id') ?? '', source: '', sourceMarks: [], targetMarks: [] };
      segments.push(current);
    } else if (uri === V2 && local === 'unit') {
      glossEntries = new Map();
      unitSegments = [];
    } else if (uri === V2 && local === 'segment') {
      current = { id: attr(tag, 'id') ?? '', source: '', sourceMarks: [], targetMarks: [] };
      const state = attr(tag, 'state');
      if (state !== undefined) current.state = state;
      segments.push(current);
      unitSegments.push(current);
    } else if (uri === GLS && local === 'glossEntry') {
      glossId = attr(tag, 'id');
      if (glossId !== undefined) glossEntries.set(glossId, attr(tag, 'entry', VERSIO) ?? '');
    } else if ((uri === V12 || uri === V2) && (local === 'source' || local === 'target') && current) {
      side = local;
      if (local === 'target') {
        current.target = '';
        const state = attr(tag, 'state');
        if (uri === V12 && state !== undefined) current.state = state;
      }
    } else if ((uri === V12 || uri === V2) && local === 'mrk' && side) {
      const v12 = uri === V12 && attr(tag, 'mtype') === 'term';
      const v2 = uri === V2 && attr(tag, 'type') === 'term';
      marks.push({
        entry: v12 ? (attr(tag, 'comment') ?? '') : v2 ? `ref:${attr(tag, 'ref') ?? ''}` : '',
        text: '',
      });
    }
  });
  parser.on('text', (text) => {
    if (termTable !== undefined) termTable += text;
    if (skip > 0 || !current || !side) return;
    if (side === 'source') current.source += text;
    else current.target = (current.target ?? '') + text;
    for (const mark of marks) mark.text += text;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (skip > 0) {
      skip -= 1;
      return;
    }
    const { local, uri } = tag;
    if (uri === V12 && local === 'internal-file' && termTable !== undefined) {
      const table = JSON.parse(termTable) as { terms: Record<string, { entryId: string }> };
      for (const [key, info] of Object.entries(table.terms)) keys.set(key, info.entryId);
      termTable = undefined;
    } else if (local === 'mrk' && side && current) {
      const mark = marks.pop();
      if (mark && mark.entry !== '')
        (side === 'source' ? current.sourceMarks : current.targetMarks).push({
          entryId: mark.entry,
          text: mark.text,
        });
    } else if ((local === 'source' || local === 'target') && (uri === V12 || uri === V2)) {
      side = undefined;
      marks = [];
    } else if (uri === V2 && local === 'unit') {
      for (const segment of unitSegments) {
        for (const mark of [...segment.sourceMarks, ...segment.targetMarks]) {
          if (mark.entryId.startsWith('ref:#gls='))
            mark.entryId = glossEntries.get(mark.entryId.slice(9)) ?? mark.entryId;
        }
      }
    } else if (local === 'trans-unit' || local === 'segment') {
      current = undefined;
    }
  });
  parser.write(xml).close();
  for (const segment of segments) {
    for (const mark of [...segment.sourceMarks, ...segment.targetMarks])
      mark.entryId = keys.get(mark.entryId) ?? mark.entryId;
  }
  return segments;
}
