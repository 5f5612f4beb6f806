/**
 * whitespace (pofilter "doublespacing", "startwhitespace", "endwhitespace"; Xbench "Double blanks";
 * CheckMate leading/trailing white space): two or more spaces in a row in the target where the source
 * has fewer such runs, or leading or trailing white space that differs from the source's.
 */
import { type Check, type Problem, quote, targetOf } from './unit.js';

// Ordinary, no-break, narrow no-break and thin spaces: a French source's no-break space before ":" is one space.
const RUN = /\S?[ \u00A0\u202F\u2009\t]{2,}\S?/g;

export const whitespace: Check = (unit) => {
  const target = targetOf(unit);
  if (target === undefined) return [];
  const { source } = unit.segment;
  const problems: Problem[] = [];
  const inner = (text: string) => [...text.trim().matchAll(RUN)];
  const targetRuns = inner(target);
  const [first] = targetRuns;
  if (first && targetRuns.length > inner(source).length) {
    const run = first[0];
    problems.push({
      message: `double space in the target: ${quote(run)} (the source has none there); use one space`,
      text: run,
    });
  }
  const side = (text: string, at: 'start' | 'end') =>
    (at === 'start' ? /^\s+/ : /\s+$/).exec(text)?.[0] ?? '';
  for (const at of ['start', 'end'] as const) {
    const s = side(source, at);
    const t = side(target, at);
    if ((s === '') === (t === '')) continue;
    problems.push({
      message: `${at === 'start' ? 'leading' : 'trailing'} white space differs: the source has ${describe(s)}, the target ${describe(t)}; match the source`,
      text: t === '' ? s : t,
    });
  }
  return problems;
};

function describe(space: string): string {
  if (space === '') return 'none';
  return space.length === 1 ? quote(space.replace(/\n/, '⏎')) : `${space.length} characters`;
}
