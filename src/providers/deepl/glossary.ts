import { createHash } from 'node:crypto';
import { InputError } from '../../errors.js';
import type { ProviderTerm } from '../provider.js';

/** Names of the glossaries Versio creates; any other glossary on the account is left alone. */
export const GLOSSARY_PREFIX = 'versio-';

export interface GlossarySpec {
  name: string;
  /** Content hash (hex, 16 digits): the glossary is named `versio-<hash>`. */
  hash: string;
  sourceLang: string;
  targetLang: string;
  entries: Record<string, string>;
}

/**
 * The DeepL glossary for `terms`, named by a hash of its content so an unchanged glossary is
 * found again and an edited one gets a new name. DeepL glossaries are per base language
 * (`fr` → `en`, no region) and allow one target per source term.
 */
export function glossarySpec(
  terms: readonly ProviderTerm[],
  sourceLang: string,
  targetLang: string,
): GlossarySpec | undefined {
  if (terms.length === 0) return undefined;
  const source = baseLanguage(sourceLang);
  const target = baseLanguage(targetLang);
  const entries: Record<string, string> = {};
  for (const { source: from, target: to } of terms) {
    const known = entries[from];
    if (known !== undefined && known !== to) {
      throw new InputError(
        `glossary: '${from}' has two DeepL targets ('${known}' and '${to}'); DeepL allows one`,
      );
    }
    entries[from] = to;
  }
  const canonical = JSON.stringify([
    source,
    target,
    Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ]);
  const hash = createHash('sha256').update(canonical).digest('hex').slice(0, 16);
  return { name: `${GLOSSARY_PREFIX}${hash}`, hash, sourceLang: source, targetLang: target, entries };
}

function baseLanguage(code: string): string {
  return code.split('-')[0]?.toLowerCase() ?? code;
}
