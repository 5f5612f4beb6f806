import type { CheckId } from '../finding.js';
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
} satisfies Record<CheckId, Check>;
