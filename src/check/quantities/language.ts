/** Which word tables read a text: its language tag's primary subtag (BCP 47), or the pair's default. */
import type { Language } from './types.js';

export function languageOf(tag: string | undefined, fallback: Language): Language {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return primary === 'fr' || primary === 'en' ? primary : fallback;
}
