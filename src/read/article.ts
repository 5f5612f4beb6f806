import type { Block, BlockKind, Document, LineEnding, Segment } from '../document.js';
import { segmentText } from '../segment/index.js';
import { classifyBlocks } from './structure.js';

export interface ArticleOptions {
  sourceLang?: string;
  targetLang?: string;
  bom?: boolean;
}

/**
 * Reads a plain-text article into the document model: blocks are runs of non-blank lines,
 * separated by blank lines that are kept exactly (the `after` strings); each block is
 * segmented into sentences. A line break inside a block is a hard sentence boundary.
 */
export function parseArticle(text: string, path: string, options: ArticleOptions = {}): Document {
  const eol = detectLineEnding(text);
  const lines = splitLines(text);
  const ranges = blockRanges(lines);
  const first = ranges[0];
  const before = first ? text.slice(0, first.start) : text;
  const blocks: Block[] = ranges.map((range, index) => {
    const next = ranges[index + 1];
    const blockText = text.slice(range.start, range.end);
    const id = `p${index + 1}`;
    return {
      id,
      kind: 'paragraph' as BlockKind,
      segments: segmentBlock(blockText, id),
      after: text.slice(range.end, next ? next.start : text.length),
    };
  });
  classifyBlocks(blocks);
  return {
    path,
    sourceLang: options.sourceLang ?? 'fr',
    targetLang: options.targetLang ?? 'en',
    before,
    blocks,
    eol,
    bom: options.bom ?? false,
  };
}

function segmentBlock(blockText: string, blockId: string): Segment[] {
  const spans = segmentText(blockText);
  return spans.map((span, index) => {
    const next = spans[index + 1];
    return {
      id: `${blockId}.s${index + 1}`,
      source: blockText.slice(span.start, span.end),
      after: blockText.slice(span.end, next ? next.start : blockText.length),
      spans: [],
      state: 'initial',
      notes: [],
    };
  });
}

interface Line {
  start: number;
  /** First non-space character of the line (its end when blank). */
  first: number;
  /** End of the line's content, before its line break. */
  end: number;
  blank: boolean;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    lines.push(lineAt(text, start, match.index));
    start = match.index + match[0].length;
  }
  lines.push(lineAt(text, start, text.length));
  return lines;
}

function lineAt(text: string, start: number, end: number): Line {
  const content = text.slice(start, end);
  const lead = content.length - content.trimStart().length;
  return { start, first: start + lead, end, blank: content.trim() === '' };
}

/** Character ranges of blocks: from the first non-space character of a run of non-blank lines to its last. */
function blockRanges(lines: Line[]): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let open: { start: number; end: number } | undefined;
  for (const line of lines) {
    if (line.blank) {
      open = undefined;
      continue;
    }
    if (open) open.end = line.end;
    else {
      // Indentation before the block goes to the text between blocks: segments hold no edge spaces.
      open = { start: line.first, end: line.end };
      ranges.push(open);
    }
  }
  return ranges;
}

/** The dominant line ending; `\n` for single-line texts. */
export function detectLineEnding(text: string): LineEnding {
  const crlf = text.split('\r\n').length - 1;
  const cr = text.split('\r').length - 1 - crlf;
  const lf = text.split('\n').length - 1 - crlf;
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}
