/**
 * XLIFF 1.2 writer (validates against xliff-core-1.2-strict.xsd).
 *
 * Written by hand rather than with the `xliff` package (jsToXliff12): the package writes no
 * `<header>`, no `state`/`state-qualifier` on `<target>`, no `<alt-trans>` or `<context-group>`,
 * and its default indent puts newlines inside `<source>`/`<target>` (tests/unit/xliff-package.test.ts
 * pins these defects). Our output needs all of them, so we keep one small escaping writer (escape.ts).
 *
 * Structure: one `<file>` per document; the skeleton keeps the layout (layout.ts), the header
 * glossary keeps the term table (terms12.ts); one `<group>` per block, one `<trans-unit>` per segment.
 */

import type { Block, Document, Segment, TermSpan } from '../document.js';
import { engineLabel, reviewerNotes } from '../document-notes.js';
import { assertTargetMarks } from '../glossary/target-spans.js';
import { attrs, escapeText } from './escape.js';
import { engineNote, GENERATED_NOTE_FROM, glossaryNote } from './generated-notes.js';
import { layoutOf } from './layout.js';
import { markedText } from './marks.js';
import { KIND_RESTYPE_PREFIX, PROVENANCE_CONTEXT, XLIFF12_NS } from './names12.js';
import { TOOL_ID, TOOL_NAME, type XliffWriteOptions } from './options.js';
import { isMachine, toState12 } from './state.js';
import { termTableOf } from './terms12.js';

export type { XliffWriteOptions } from './options.js';

type KeyOf = ReturnType<typeof termTableOf>['keyOf'];

export function writeXliff12(doc: Document, options: XliffWriteOptions = {}): string {
  const where = doc.path;
  const { table, keyOf } = termTableOf(doc);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff version="1.2" xmlns="${XLIFF12_NS}">`,
    `  <file${attrs(
      [
        ['original', doc.path],
        ['source-language', doc.sourceLang],
        ['target-language', doc.targetLang === '' ? undefined : doc.targetLang],
        ['datatype', 'plaintext'],
      ],
      where,
    )}>`,
    '    <header>',
    `      <skl><internal-file form="application/json">${escapeText(JSON.stringify(layoutOf(doc)), where)}</internal-file></skl>`,
    `      <tool${attrs(
      [
        ['tool-id', TOOL_ID],
        ['tool-name', TOOL_NAME],
        ['tool-version', options.toolVersion],
      ],
      where,
    )}/>`,
  ];
  if (Object.keys(table.terms).length > 0) {
    out.push(
      `      <glossary><internal-file form="application/json">${escapeText(JSON.stringify(table), where)}</internal-file></glossary>`,
    );
  }
  out.push('    </header>', '    <body>');
  // One line at a time: spreading a block of 100,000+ segments into push() overflows the stack.
  for (const block of doc.blocks) for (const line of group(block, keyOf, where)) out.push(line);
  out.push('    </body>', '  </file>', '</xliff>', '');
  return out.join('\n');
}

function group(block: Block, keyOf: KeyOf, file: string): string[] {
  const where = `${file}: block ${block.id}`;
  return [
    `      <group${attrs(
      [
        ['id', block.id],
        ['restype', KIND_RESTYPE_PREFIX + block.kind],
      ],
      where,
    )}>`,
    ...block.segments.flatMap((segment) => transUnit(segment, keyOf, `${file}: segment ${segment.id}`)),
    '      </group>',
  ];
}

function transUnit(segment: Segment, keyOf: KeyOf, where: string): string[] {
  const { provenance } = segment;
  const state = toState12(segment.state, provenance);
  const mark = (span: TermSpan) =>
    `<mrk${attrs(
      [
        ['mtype', 'term'],
        ['comment', keyOf(span)],
      ],
      where,
    )}>`;
  // Whitespace is content here (exact spacing, reviewers' edits), so every unit says so.
  const lines = [
    `        <trans-unit${attrs(
      [
        ['id', segment.id],
        ['xml:space', 'preserve'],
        ['approved', state.approved ? 'yes' : undefined],
      ],
      where,
    )}>`,
    `          <source>${markedText(segment.source, segment.spans, mark, where)}</source>`,
  ];
  if (segment.target !== undefined) {
    assertTargetMarks(segment.target, segment.targetSpans ?? [], segment.spans, where);
    lines.push(
      `          <target${attrs(
        [
          ['state', state.state],
          ['state-qualifier', state.qualifier],
        ],
        where,
      )}>${markedText(segment.target, segment.targetSpans ?? [], mark, where)}</target>`,
    );
  }
  const machineText = isMachine(provenance) ? (provenance.machineTarget ?? segment.target) : undefined;
  if (provenance !== undefined && machineText !== undefined) {
    // XLIFF 1.2 §2.5.2: alt-trans holds candidate translations; this one is the engine's output as written.
    lines.push(
      `          <alt-trans${attrs(
        [
          ['origin', engineLabel(provenance)],
          ['tool-id', TOOL_ID],
        ],
        where,
      )}><target>${escapeText(machineText, where)}</target></alt-trans>`,
    );
  }
  if (provenance !== undefined) {
    // No `name`: strict 1.2 makes context-group names unique per file (U_context-group_name).
    lines.push('          <context-group purpose="information">');
    const contexts: Array<[string, string | undefined]> = [
      [PROVENANCE_CONTEXT.engine, engineLabel(provenance)],
      [PROVENANCE_CONTEXT.glossaryHash, provenance.glossaryHash],
      [PROVENANCE_CONTEXT.billedCharacters, provenance.billedCharacters?.toString()],
    ];
    for (const [type, value] of contexts) {
      if (value !== undefined) {
        lines.push(`            <context context-type="${type}">${escapeText(value, where)}</context>`);
      }
    }
    lines.push('          </context-group>');
    lines.push(generatedNote('target', engineNote(provenance), where));
  }
  const terms = glossaryNote(segment);
  if (terms !== undefined) lines.push(generatedNote('source', terms, where));
  for (const note of reviewerNotes(segment)) lines.push(`          <note>${escapeText(note, where)}</note>`);
  lines.push('        </trans-unit>');
  return lines;
}

function generatedNote(annotates: 'source' | 'target', text: string, where: string): string {
  return `          <note from="${GENERATED_NOTE_FROM}" annotates="${annotates}">${escapeText(text, where)}</note>`;
}
