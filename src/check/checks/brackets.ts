/**
 * brackets (pofilter "brackets", Xbench "Unpaired symbols" and "Unpaired quotes"): the target's
 * brackets ( ) [ ] { } and double quotation marks « » “ ” „ " pair up differently from the source's.
 * A quotation that runs over several segments leaves both sides open the same way, so the sides are
 * compared, not the target alone. Single quotes are left out: ’ is also the apostrophe.
 */
import { withoutInlineCodes } from '../inline-codes.js';
import { type Check, type Problem, quote, targetOf } from './unit.js';

const PAIRS = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
] as const;

interface Balance {
  /** Opening minus closing. */
  open: number;
  /** Whether a closing one comes before its opening one. */
  closesFirst: boolean;
}

function balance(text: string, open: string, close: string): Balance {
  let depth = 0;
  let closesFirst = false;
  for (const ch of text) {
    if (ch === open) depth += 1;
    else if (ch === close) {
      depth -= 1;
      if (depth < 0) closesFirst = true;
    }
  }
  return { open: depth, closesFirst };
}

/** How far the double quotes are from pairing: opening minus closing curly marks, plus an odd straight one. */
function quoteImbalance(text: string): number {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return Math.abs(count(/[«“„‹]/g) - count(/[»”›]/g)) + (count(/"/g) % 2);
}

const MARKS = /[()[\]{}«»“”„‹›"]/;

export const brackets: Check = (unit) => {
  const target = targetOf(unit);
  if (target === undefined) return [];
  if (!MARKS.test(unit.segment.source) && !MARKS.test(target)) return [];
  const source = withoutInlineCodes(unit.segment.source);
  const text = withoutInlineCodes(target);
  const problems: Problem[] = [];
  for (const [open, close] of PAIRS) {
    const s = balance(source, open, close);
    const t = balance(text, open, close);
    if (s.open === t.open && (s.closesFirst || !t.closesFirst)) continue;
    const detail =
      t.open > 0
        ? `${t.open} "${open}" not closed`
        : t.open < 0
          ? `${-t.open} "${close}" not opened`
          : `"${close}" before its "${open}"`;
    problems.push({
      message: `unbalanced brackets in the target (${detail}): ${quote(excerpt(text, t.open < 0 || t.closesFirst ? close : open))}; the source's ${open}${close} pair up differently (${quote(excerpt(source, open))})`,
      text: t.open < 0 || t.closesFirst ? close : open,
    });
  }
  const qs = quoteImbalance(source);
  const qt = quoteImbalance(text);
  if (qs !== qt) {
    problems.push({
      message:
        qt > qs
          ? `unpaired quotation mark in the target: ${quote(text)}; the source's quotation marks pair up (${quote(source)})`
          : `the source has an open quotation (${quote(source)}) that the target closes or drops (${quote(text)})`,
      text: target,
    });
  }
  return problems;
};

function excerpt(text: string, ch: string): string {
  const at = text.indexOf(ch);
  if (at < 0) return text.slice(0, 60);
  return text.slice(Math.max(0, at - 30), at + 30);
}
