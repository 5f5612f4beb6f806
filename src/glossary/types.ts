import type { TermPolicy } from '../document.js';

export type EntityType = 'person' | 'place' | 'organisation' | 'other';

/** What a French definite article before a term becomes in English (see `GlossaryEntry.article`). */
export type EnglishArticle = 'the' | 'none';

/** One concept of the named-entity glossary. */
export interface GlossaryEntry {
  /** Stable id (slug), used in spans, placeholders' bookkeeping, XLIFF notes and check findings. */
  id: string;
  type: EntityType;
  /** French forms: the canonical one first, then variants ("Sergueï Choïgou", "Choïgou", "S. Choïgou"). */
  french: string[];
  /** The canonical English form. */
  english: string;
  /** English variants that must not appear in a translation ("Shoygu", "Palmira"). */
  forbidden: string[];
  note?: string;
  policy: TermPolicy;
  /** Match French forms regardless of case (opt-in per entry: "EI" must not match "ei"). */
  ignoreCase?: boolean;
  /** Match French forms regardless of accents (Etat / État). */
  ignoreAccents?: boolean;
  /**
   * What a French definite article directly before a form becomes in English. The article is always
   * absorbed into the span (left outside, an engine writes "the __E1__": "la Russie" → "the Russia").
   * `none` (default): dropped, as English names mostly take none ("la Russie" → "Russia", "le Hezbollah"
   * → "Hezbollah"); `the`: written as "the" ("de l'Etat islamique" → "of the Islamic State").
   * Contractions are split, the preposition staying outside ("du Front Al-Nosra" → "de __E1__").
   */
  article?: EnglishArticle;
  /** 1-based line of the entry in the file it was loaded from, for error messages. */
  line?: number;
}

export interface Glossary {
  /** File the glossary was loaded from ('' when built in memory). */
  path: string;
  sourceLang: string;
  targetLang: string;
  entries: GlossaryEntry[];
  /** Content hash of the entries (sha256 hex): keys the translation memory and names DeepL glossaries. */
  hash: string;
}
