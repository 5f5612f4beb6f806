import type { CheckId } from '../finding.js';
import { brackets } from './brackets.js';
import { codeOrder } from './code-order.js';
import { doubledWord } from './doubled-word.js';
import { endPunctuation } from './end-punctuation.js';
import { type DocumentCheck, inconsistency } from './inconsistency.js';
import { leftover } from './leftover.js';
import { length } from './length.js';
import { number } from './number.js';
import { placeholder } from './placeholder.js';
import { startCapital } from './start-capital.js';
import { termForbidden, termMissing } from './terms.js';
import type { Check } from './unit.js';
import { untranslated } from './untranslated.js';
import { urls } from './urls.js';
import { whitespace } from './whitespace.js';

/** Checks that compare a unit with the other units of its document. */
export type DocumentCheckId = 'inconsistency';
export type UnitCheckId = Exclude<CheckId, DocumentCheckId>;

/** Every check id has its function (here or in documentChecks), or this fails to compile. */
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
  'doubled-word': doubledWord,
  whitespace,
  'end-punctuation': endPunctuation,
  brackets,
  length,
  urls,
  'start-capital': startCapital,
} satisfies Record<UnitCheckId, Check>;

export const documentChecks = { inconsistency } satisfies Record<DocumentCheckId, DocumentCheck>;

export function isUnitCheck(id: CheckId): id is UnitCheckId {
  return id in checks;
}
