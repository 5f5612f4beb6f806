import type { CheckId } from '../finding.js';
import { codeOrder } from './code-order.js';
import { leftover } from './leftover.js';
import { number } from './number.js';
import { placeholder } from './placeholder.js';
import { termForbidden, termMissing } from './terms.js';
import type { Check } from './unit.js';
import { untranslated } from './untranslated.js';

/** Every check id has its function, or this fails to compile. */
export const checks = {
  'term-missing': termMissing,
  'term-forbidden': termForbidden,
  untranslated,
  placeholder,
  number,
  leftover,
  'code-order': codeOrder,
  // A file-level finding: run.ts reports a file it cannot read; there is no unit to look at.
  unreadable: () => [],
} satisfies Record<CheckId, Check>;
