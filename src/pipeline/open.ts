import { CONFIG_FILE } from '../check/config-file.js';
import { glossaryPathFor } from '../glossary/default.js';
import { loadGlossary } from '../glossary/load.js';
import { buildMatcher, type Matcher } from '../glossary/match.js';
import { providerTerms } from '../glossary/provider-terms.js';
import type { Glossary } from '../glossary/types.js';
import { readTextFile } from '../io/text-file.js';
import { memoryLocation, openMemory } from '../memory/open.js';
import type { EnglishStyle } from '../postedit/types.js';
import { type ProviderName, providers } from '../providers/index.js';
import { loadPacingSettings, type PacingSettings, toOverrides } from '../providers/pacing-config.js';
import type { Formality } from '../providers/provider.js';
import { type PipelineContext, pipelineContext } from './context.js';
import type { PipelineEvent } from './events.js';
import type { XliffFormat } from './write.js';

export interface TranslateRunOptions {
  provider: ProviderName;
  outDir: string;
  /** Glossary path; `false` for none; undefined for the project default when it exists. */
  glossary?: string | false;
  format: XliffFormat;
  memoryPath: string;
  /**
   * Scale out: engine requests go to workers through BullMQ on this Redis (`versio worker`);
   * everything else runs here.
   */
  redisUrl?: string;
  sourceLang: string;
  targetLang: string;
  formality?: Formality;
  /** English conventions (`--style`); default `ap`. */
  style?: EnglishStyle;
  /** Model name for engines that serve several (`openai`). */
  model?: string;
  jobs?: number;
  dryRun?: boolean;
  maxChars?: number;
  /** Pacing and retry settings from the CLI; they win over versio.config.json `translate.<engine>`. */
  pacing?: PacingSettings;
  /**
   * The working directory (the CLI's): relative paths (inputs, --out, --glossary, --memory) and
   * the project's files (versio.config.json, the default glossary) are found from it.
   */
  cwd: string;
  signal: AbortSignal;
  env: NodeJS.ProcessEnv;
  onEvent?: (event: PipelineEvent) => void;
}

/** What a run holds open from start to end: the stages' context and the glossary's matcher. */
export interface Run {
  ctx: PipelineContext;
  glossary: Glossary | undefined;
  matcher: Matcher | undefined;
  close(): Promise<void>;
}

/**
 * Everything a run needs before the first document: the glossary, every input read once (bad
 * input costs nothing), the engine with its pacing, and the memory.
 */
export async function openRun(files: readonly string[], options: TranslateRunOptions): Promise<Run> {
  const { cwd } = options;
  const glossaryPath = await glossaryPathFor(options.glossary, cwd);
  const glossary = glossaryPath === undefined ? undefined : await loadGlossary(glossaryPath, { cwd });
  const matcher = glossary ? buildMatcher(glossary) : undefined;
  for (const file of files) await readTextFile(file, { cwd });
  const fromFile = await loadPacingSettings(cwd, CONFIG_FILE, options.provider);
  const overrides = toOverrides({ ...fromFile, ...options.pacing });

  const engineOptions = {
    sourceLang: options.sourceLang,
    targetLang: options.targetLang,
    ...(options.formality ? { formality: options.formality } : {}),
    ...(options.style ? { style: options.style } : {}),
    ...(options.model ? { model: options.model } : {}),
  };
  const terms = glossary ? providerTerms(glossary) : [];
  const local = await providers[options.provider]({
    ...engineOptions,
    ...(glossary ? { providerTerms: terms } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    overrides,
    env: options.env,
  });
  const provider = options.redisUrl
    ? await (await import('../scale/remote-provider.js')).createRemoteProvider({
        redisUrl: options.redisUrl,
        provider: options.provider,
        local,
        options: engineOptions,
        providerTerms: terms,
      })
    : local;
  const memory = await openMemory(memoryLocation(cwd, options.memoryPath));
  const ctx = pipelineContext({
    provider,
    memory,
    glossary,
    signal: options.signal,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  return {
    ctx,
    glossary,
    matcher,
    close: async () => {
      await Promise.allSettled([provider.close(), memory.close()]);
    },
  };
}
