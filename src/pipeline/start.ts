/**
 * `versio translate`'s entry point: starts the engine ahead where that pays (providers/index.ts,
 * `prestarts`), then loads and runs the pipeline (translate.ts), whose modules load while the
 * engine does. A run that ends before its provider took the engine over stops it.
 */
import { prestarts } from '../providers/index.js';
import type { TranslateRunOptions } from './open.js';
import type { RunSummary } from './translate.js';

export async function startTranslation(
  files: readonly string[],
  options: TranslateRunOptions,
): Promise<RunSummary> {
  // Scale-out runs send requests to workers, and a dry run sends nothing: no local engine.
  const prestart = options.redisUrl || options.dryRun ? undefined : prestarts[options.provider];
  const early = await prestart?.({
    sourceLang: options.sourceLang,
    targetLang: options.targetLang,
    env: options.env,
  });
  try {
    const { translateFiles } = await import('./translate.js');
    return await translateFiles(files, options);
  } finally {
    early?.discard();
  }
}
