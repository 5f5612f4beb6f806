/**
 * term-missing: a glossary term of the source whose English form is not in the target.
 * term-forbidden: a forbidden English variant of any entry in the target.
 * Presence is checked per entry, not per occurrence: a translation may refer back with a pronoun.
 * Both look for English forms, so they apply when the target is English; a term marked in the XLIFF
 * without a known English form (another tool's term mark, no Versio glossary entry) has nothing to
 * look for.
 */
import type { TermSpan } from '../../document.js';
import { findEnglish, normaliseEnglish } from '../english.js';
import { type Check, type Problem, quote, targetIsEnglish, targetOf, type UnitInput } from './unit.js';

export const termMissing: Check = (unit) => {
  const target = targetOf(unit);
  if (target === undefined || !targetIsEnglish(unit)) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const span of unit.sourceTerms) {
    if (seen.has(span.entryId)) continue;
    seen.add(span.entryId);
    const english = englishFormOf(span, unit);
    if (english.trim() === '') continue;
    if (findEnglish(target, english).length > 0) continue;
    const french = unit.segment.source.slice(span.start, span.end);
    problems.push({
      message: `glossary term ${quote(french)} must appear as ${quote(english)} in the target (entry ${span.entryId})`,
      text: english,
      entryId: span.entryId,
    });
  }
  return problems;
};

export const termForbidden: Check = (unit) => {
  const target = targetOf(unit);
  if (target === undefined || !targetIsEnglish(unit)) return [];
  const problems: Problem[] = [];
  for (const entry of unit.entries.values()) {
    // A forbidden variant inside the canonical form ("Nusra Front" in "al-Nusra Front") is not a use of it.
    const canonical = findEnglish(target, entry.english);
    for (const variant of entry.forbidden) {
      // …but a variant that is the canonical form plus an ending ("Lyons" for Lyon) is one.
      const longer = normaliseEnglish(variant)
        .toLowerCase()
        .startsWith(normaliseEnglish(entry.english).toLowerCase());
      const uses = findEnglish(target, variant).filter(
        (o) => longer || !canonical.some((c) => c.start <= o.start && o.end <= c.end),
      );
      const first = uses[0];
      if (!first) continue;
      problems.push({
        message: `forbidden variant ${quote(first.text)} in the target; write ${quote(entry.english)} (entry ${entry.id})`,
        text: first.text,
        entryId: entry.id,
      });
    }
  }
  return problems;
};

/**
 * The glossary's canonical English form; without the glossary, the span's target minus the article the
 * matcher may have absorbed ("the Islamic State" → "Islamic State": the article is not the term).
 */
function englishFormOf(span: TermSpan, unit: UnitInput): string {
  return unit.entries.get(span.entryId)?.english ?? span.target.replace(/^the\s+/i, '');
}
