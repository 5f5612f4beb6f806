import type { ProviderTerm } from '../providers/provider.js';
import type { Glossary } from './types.js';

/**
 * Terms of `provider` entries, for engines with their own glossary (DeepL): every French form maps to
 * the English form. Engines without one never see these; the pipeline protects such spans instead.
 */
export function providerTerms(glossary: Glossary): ProviderTerm[] {
  return glossary.entries
    .filter((e) => e.policy === 'provider')
    .flatMap((e) =>
      e.french.map((source) => ({
        source,
        target: e.english,
        ...(e.forbidden && e.forbidden.length > 0 ? { forbidden: e.forbidden } : {}),
      })),
    );
}
