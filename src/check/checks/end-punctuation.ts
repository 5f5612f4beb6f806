/**
 * end-punctuation (pofilter "endpunc", Trados "PunctuationDifferences"): the target does not end
 * with the source's final mark (. ? ! : ; …) or drops or adds a closing quotation mark. The tail is
 * read past closing quotes, brackets and spaces, so French « Non ». and English "No." both end with
 * a full stop and a closing quote; "..." and "…" are the same ellipsis.
 */
import { withoutInlineCodes } from '../inline-codes.js';
import { type Check, type Problem, quote, targetOf } from './unit.js';

const TAIL = /[\s"'“”‘’«»‹›)\]}.!?:;…]*$/u;
const CLOSING_SOURCE = /[»”"›]/;
const CLOSING_TARGET = /[”"»›]/;

interface Ending {
  mark: string;
  closingQuote: boolean;
  tail: string;
}

function endingOf(text: string, closing: RegExp): Ending {
  const tail = (TAIL.exec(text)?.[0] ?? '').trim();
  const marks = tail.replace(/\.\.\./g, '…').replace(/[^.!?:;…]/g, '');
  // "?!" and "!?" end a question as much as an exclamation: the last mark decides.
  return { mark: marks.slice(-1), closingQuote: closing.test(tail), tail };
}

const NAMES: Record<string, string> = {
  '.': 'a full stop',
  '?': 'a question mark',
  '!': 'an exclamation mark',
  ':': 'a colon',
  ';': 'a semicolon',
  '…': 'an ellipsis',
  '': 'no end punctuation',
};

export const endPunctuation: Check = (unit) => {
  const target = targetOf(unit);
  if (target === undefined) return [];
  const source = endingOf(withoutInlineCodes(unit.segment.source), CLOSING_SOURCE);
  const ending = endingOf(withoutInlineCodes(target), CLOSING_TARGET);
  const problems: Problem[] = [];
  if (source.mark !== ending.mark) {
    problems.push({
      message: `the source ends with ${NAMES[source.mark]} (${quote(source.tail || '∅')}), the target with ${NAMES[ending.mark]} (${quote(ending.tail || lastWord(target))}); end the target like the source`,
      text: ending.tail || lastWord(target),
    });
  }
  if (source.closingQuote !== ending.closingQuote) {
    problems.push({
      message: source.closingQuote
        ? `the source ends with a closing quotation mark (${quote(source.tail)}), the target does not (${quote(ending.tail || lastWord(target))}); close the quotation`
        : `the target ends with a closing quotation mark (${quote(ending.tail)}) the source does not have (${quote(source.tail || '∅')})`,
      text: ending.tail || lastWord(target),
    });
  }
  return problems;
};

function lastWord(text: string): string {
  return text.trim().split(/\s+/).pop() ?? '';
}
