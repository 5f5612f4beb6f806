/**
 * The post-editing's part of the Apertium provider's fingerprint, so of every memory key it
 * writes: the rules as data (what each matches and writes, not why), the given names kept as
 * written, and Versio's version for the code that applies them. A changed rule or a new release
 * re-translates on the next run — with a local engine that costs time, not money — instead of
 * serving English post-edited by rules that are gone.
 */
import { createHash } from 'node:crypto';
import { version as versioVersion } from '../version.js';
import { GIVEN_NAMES } from './given-names.js';
import { postEditRules } from './rules.js';
import type { PostEditRule } from './types.js';

export function postEditFingerprint(
  rules: readonly PostEditRule[] = postEditRules,
  givenNames: ReadonlySet<string> = GIVEN_NAMES,
  version: string = versioVersion,
): string {
  const canonical = JSON.stringify([
    version,
    rules.map((r) => [
      r.family,
      r.name,
      r.pattern,
      r.replacement,
      r.transform,
      r.outsideQuotes,
      r.whenSource,
    ]),
    [...givenNames].sort(),
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, 12);
}
