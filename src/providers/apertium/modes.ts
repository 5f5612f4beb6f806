/**
 * Which Apertium modes translate a request: French → Spanish → English, the English leg chosen by
 * the target variant. Shared by the provider and the early start (prestart.ts), which must start
 * exactly the pipeline the provider will ask for.
 */
import { ProviderError } from '../../errors.js';
import type { ProviderOptions } from '../provider.js';

/** The modes from the source language to the target, pivoting through Spanish. */
export function modesFor(options: Pick<ProviderOptions, 'sourceLang' | 'targetLang'>): string[] {
  const source = options.sourceLang.toLowerCase();
  const target = options.targetLang.toLowerCase().replace('_', '-');
  if (!/^fr\b/.test(source) || !/^en\b/.test(target)) {
    throw new ProviderError(
      `Apertium translates French to English only (fr → es → en), not ${options.sourceLang} → ${options.targetLang}`,
      { hint: 'use --provider deepl for other language pairs' },
    );
  }
  // spa-eng writes British spelling (colour, organisation); spa-eng_US, American. Bare `en` is
  // American English, like the house style (AP) and the references.
  return ['fr-es', variantOf(target) === 'en-GB' ? 'spa-eng' : 'spa-eng_US'];
}

export function variantOf(target: string): 'en-US' | 'en-GB' {
  return target.toLowerCase().replace('_', '-') === 'en-gb' ? 'en-GB' : 'en-US';
}
