/**
 * Translation-memory keys. A key names everything that decides a target: the source text,
 * the engine, the engine options that change its output, and the glossary entries that touch
 * the segment. Change any of them and the key changes, so a stale target is never reused.
 */
import { createHash } from 'node:crypto';
import type { GlossaryEntry } from '../glossary/types.js';

export interface MemoryKeyParts {
  /** The segment's source text, exactly as segmented (not the placeholder-substituted text). */
  source: string;
  /** Engine name (`apertium`, `deepl`, `pseudo`). */
  provider: string;
  /** `Provider.fingerprint`: options that change the output, including the target language. */
  fingerprint: string;
  /**
   * `termsHash()` of the glossary entries whose spans touch this segment, so an edited
   * glossary re-translates only the segments its changed entries touch.
   */
  termsHash: string;
}

/** Bumped if the encoding below ever changes, so old memories miss instead of colliding. */
const KEY_VERSION = 'versio-tm/1';

/** sha256 hex of a canonical encoding of the parts (a JSON array: no ambiguity between fields). */
export function memoryKey(parts: MemoryKeyParts): string {
  const canonical = JSON.stringify([
    KEY_VERSION,
    parts.source,
    parts.provider,
    parts.fingerprint,
    parts.termsHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * Hash of the glossary entries that touch a segment ('' when none does), independent of their
 * order and of where they sit in the glossary file.
 *
 * In it: every field that matching (french, ignoreCase, ignoreAccents, article), protection
 * (policy, id) or restoration (english, article) reads, plus `type` and `forbidden`, which no
 * stage reads to produce the target but were in the key from the start (taking them out would
 * re-translate every segment with a term once). Out of it: `line` and `note`, which reach
 * neither the engine nor the output, so editing them never costs a re-translation.
 * `article` joins the tuple only when it is not the default: absent and `none` produce the same
 * output, and memories written before it was keyed stay valid for the entries without it.
 */
export function termsHash(entries: readonly GlossaryEntry[]): string {
  if (entries.length === 0) return '';
  const canonical = [...entries]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => [
      e.id,
      e.type,
      e.french,
      e.english,
      e.forbidden,
      e.policy,
      e.ignoreCase ?? false,
      e.ignoreAccents ?? false,
      ...((e.article ?? 'none') === 'none' ? [] : [e.article]),
    ]);
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}
