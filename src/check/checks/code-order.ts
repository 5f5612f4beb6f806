/**
 * code-order: the target has the source's inline codes in another order. A translation may need it
 * ("<b>red</b> <i>car</i>" → "<i>voiture</i> <b>rouge</b>"), so this is a warning by default: a
 * reviewer looks, nothing is lost. Missing or extra codes are `placeholder`'s findings.
 */
import { showCode } from '../code-diff.js';
import { codeDiffOf } from './placeholder.js';
import type { Check } from './unit.js';

export const codeOrder: Check = (unit) => {
  const reordered = codeDiffOf(unit)?.reordered;
  if (reordered === undefined) return [];
  const list = (codes: typeof reordered.source) => codes.map(showCode).join(' ');
  return [
    {
      message: `inline codes are in another order: source ${list(reordered.source)}, target ${list(reordered.target)}`,
      text: list(reordered.target),
    },
  ];
};
