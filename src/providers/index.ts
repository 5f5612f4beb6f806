import type { ProviderFactory } from './provider.js';

export type ProviderName = 'apertium' | 'deepl' | 'libretranslate' | 'openai' | 'pseudo';

/**
 * Every engine, loaded only when a command uses it (deepl-node stays out of `versio --help`).
 * `satisfies` makes a missing adapter a compile error.
 */
export const providers = {
  apertium: async (options) => (await import('./apertium.js')).createApertium(options),
  deepl: async (options) => (await import('./deepl.js')).createDeepl(options),
  libretranslate: async (options) => (await import('./libretranslate.js')).createLibretranslate(options),
  openai: async (options) => (await import('./openai.js')).createOpenai(options),
  pseudo: async (options) => (await import('./pseudo.js')).createPseudo(options),
} satisfies Record<ProviderName, ProviderFactory>;

export const providerNames = Object.keys(providers) as ProviderName[];

export function isProviderName(name: string): name is ProviderName {
  return Object.hasOwn(providers, name);
}
