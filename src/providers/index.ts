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

/** A start made before the provider exists; `discard` stops what the provider did not take over. */
export interface EarlyStart {
  discard(): void;
}

/**
 * Engines whose start is worth making first thing (`versio translate` calls it before the rest of
 * the run loads): Apertium's pipeline loads its transducers meanwhile. The factory takes over what
 * was started (apertium/prestart.ts).
 */
export const prestarts: Partial<
  Record<
    ProviderName,
    (options: { sourceLang: string; targetLang: string; env: NodeJS.ProcessEnv }) => Promise<EarlyStart>
  >
> = {
  apertium: async (options) => {
    const { discardPrestart, prestartApertium } = await import('./apertium/prestart.js');
    await prestartApertium(options);
    return { discard: () => discardPrestart(options.env) };
  },
};

export const providerNames = Object.keys(providers) as ProviderName[];

export function isProviderName(name: string): name is ProviderName {
  return Object.hasOwn(providers, name);
}
