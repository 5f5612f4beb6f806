import { type Command, Option } from 'commander';
import { InputError, InterruptedError, QuotaError } from '../../errors.js';
// The pipeline loads when a translation starts, not for --help.
import { DEFAULT_MEMORY_PATH as DEFAULT_MEMORY } from '../../memory/default.js';
import { isSharedMemory } from '../../memory/open.js';
import type { PipelineEvent } from '../../pipeline/events.js';
import type { RunSummary } from '../../pipeline/translate.js';
import { isProviderName, providerNames } from '../../providers/index.js';
import { FORMALITIES, type Formality } from '../../providers/provider.js';
import { formality, positiveInt, positiveNumber } from '../arguments.js';
import { action, type CliContext } from '../context.js';

interface TranslateCliOptions {
  provider: string;
  out: string;
  glossary?: string | false;
  format: 'xliff12' | 'xliff2';
  source: string;
  target: string;
  formality?: Formality;
  style: 'ap' | 'none';
  model?: string;
  jobs?: number;
  memory: string;
  redis?: string;
  dryRun?: boolean;
  maxChars?: number;
  quiet?: boolean;
  json?: boolean;
  rate?: number;
  concurrency?: number;
  retryBudget?: number;
  maxRetryAfter?: number;
  timeout?: number;
}

export function registerTranslate(program: Command, ctx: CliContext): void {
  program
    .command('translate')
    .description(
      'translate articles: segment, apply the glossary, translate, write XLIFF and the English article',
    )
    .argument('<files...>', 'French articles (UTF-8 text)')
    .addOption(
      new Option('-p, --provider <name>', 'translation engine').choices(providerNames).default('apertium'),
    )
    .option('-o, --out <dir>', 'output directory', 'translations')
    .option(
      '-g, --glossary <path>',
      'named-entity glossary (default: glossary/versio.glossary.yaml when present)',
    )
    .option('--no-glossary', 'translate without a glossary')
    .addOption(
      new Option('--format <format>', 'XLIFF version to write')
        .choices(['xliff12', 'xliff2'])
        .default('xliff12'),
    )
    .option('--source <lang>', 'source language', 'fr')
    .option(
      '-t, --target <lang>',
      'target language: en (American English), en-US or en-GB (British spelling, single quotes)',
      'en',
    )
    .addOption(
      new Option(
        '--style <style>',
        'English conventions: ap (AP Stylebook dates, times, numbers, money, titles; Apertium) or none',
      )
        .choices(['ap', 'none'])
        .default('ap'),
    )
    .option('--formality <level>', `DeepL formality: ${FORMALITIES.join(', ')}`, formality)
    .option(
      '-m, --model <name>',
      'model for --provider openai (required there), e.g. gpt-4o-mini, llama3.1:8b',
    )
    .option(
      '-j, --jobs <n>',
      'documents queueing for the engine at once; the next is read ahead (engine processes for Apertium; default: cores)',
      positiveInt,
    )
    .option('--memory <path>', 'translation memory file (append-only JSON Lines)', DEFAULT_MEMORY)
    .option(
      '--redis <url>',
      'scale out: send engine requests to `versio worker` processes through this Redis (memory there too)',
    )
    .option('--dry-run', 'count segments, characters and requests after the memory; send nothing')
    .option('--max-chars <n>', 'refuse a run that would send more characters than this (exit 4)', positiveInt)
    .option('--rate <n>', 'requests started in any rolling second, all documents together', positiveNumber)
    .option('--concurrency <n>', 'requests in flight at once, all documents together', positiveInt)
    .option(
      '--retry-budget <seconds>',
      'how long a batch may keep meeting 429s before its document fails',
      positiveNumber,
    )
    .option('--max-retry-after <seconds>', "cap on a server's Retry-After", positiveNumber)
    .option('--timeout <seconds>', 'time a request may take before it is retried', positiveNumber)
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print a machine-readable summary on stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ versio translate source/palmyre.fr.txt
  $ versio translate articles/*.txt --provider deepl --target en-GB --max-chars 50000
  $ versio translate source/palmyre.fr.txt --format xliff2 --dry-run
  $ versio translate a.fr.txt --target en-GB --style none
  $ OPENAI_BASE_URL=http://127.0.0.1:11434/v1 versio translate a.fr.txt --provider openai --model llama3.1:8b
  $ LIBRETRANSLATE_URL=http://127.0.0.1:5000 versio translate a.fr.txt --provider libretranslate

Pacing defaults per engine are in the README; versio.config.json "translate": { "<engine>": { "rate": 3, … } }
sets them per project, and the options above win over it.

Environment: DEEPL_AUTH_KEY (DeepL API key), DEEPL_SERVER_URL (another DeepL-compatible server);
OPENAI_API_KEY, OPENAI_BASE_URL (an OpenAI-compatible server: Ollama, llama.cpp, vLLM, Mistral…);
LIBRETRANSLATE_URL, LIBRETRANSLATE_API_KEY.`,
    )
    .action(
      action(ctx, async (files: string[], options: TranslateCliOptions) => {
        if (!isProviderName(options.provider)) throw new InputError(`unknown provider ${options.provider}`);
        if (options.redis && (options.rate !== undefined || options.concurrency !== undefined)) {
          throw new InputError(
            '--rate and --concurrency pace the engine, which the workers call with --redis',
            {
              hint: "give them to every `versio worker` (or put them in the workers' versio.config.json)",
            },
          );
        }
        const [{ createReporter, reporterMode }, { formatSummary }] = await Promise.all([
          import('../reporter.js'),
          import('../summary.js'),
        ]);
        const report = createReporter(ctx.io, reporterMode(ctx.io, options));
        let translatedThisRun = 0;
        const onEvent = (event: PipelineEvent) => {
          if (event.type === 'segment-done' && event.from === 'engine' && event.remembered)
            translatedThisRun += 1;
          report(event);
        };
        let summary: RunSummary;
        const [{ startTranslation }, { givenSettings }] = await Promise.all([
          import('../../pipeline/start.js'),
          import('../../providers/pacing-config.js'),
        ]);
        try {
          summary = await startTranslation(files, {
            provider: options.provider,
            outDir: options.out,
            ...(options.glossary !== undefined ? { glossary: options.glossary } : {}),
            format: options.format,
            // With --redis the memory is the one every worker shares, unless --memory names another.
            memoryPath: options.redis && options.memory === DEFAULT_MEMORY ? options.redis : options.memory,
            ...(options.redis ? { redisUrl: options.redis } : {}),
            sourceLang: options.source,
            targetLang: options.target,
            ...(options.formality ? { formality: options.formality } : {}),
            style: options.style,
            ...(options.model ? { model: options.model } : {}),
            ...(options.jobs ? { jobs: options.jobs } : {}),
            ...(options.dryRun ? { dryRun: true } : {}),
            ...(options.maxChars !== undefined ? { maxChars: options.maxChars } : {}),
            pacing: givenSettings(options),
            signal: ctx.signal,
            cwd: ctx.io.cwd,
            env: ctx.io.env,
            onEvent,
          });
        } catch (error) {
          throw withWhatIsKept(error, translatedThisRun, await memoryLabel(options), ctx.signal.aborted);
        }
        if (options.json) ctx.io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else if (!options.quiet) ctx.io.stdout.write(formatSummary(summary));
        return 0;
      }),
    );
}

/**
 * Where the segments translated in this run are kept, as the message may show it: with --redis,
 * the shared memory named by host and port (never the URL's password), and the engine requests
 * that stay queued for a rerun.
 */
async function memoryLabel(options: TranslateCliOptions): Promise<string> {
  const location = options.redis && options.memory === DEFAULT_MEMORY ? options.redis : options.memory;
  if (!options.redis && !isSharedMemory(location)) return location;
  const { redisName } = await import('../../scale/redis-connection.js');
  const memory = isSharedMemory(location) ? `the shared memory at ${redisName(location)}` : location;
  if (!options.redis) return memory;
  return `${memory} (requests already sent to workers stay queued in Redis at ${redisName(options.redis)})`;
}

/** Interrupted or stopped by quota: say how much work is safe in the memory. */
function withWhatIsKept(error: unknown, translated: number, memory: string, aborted: boolean): unknown {
  const note = `${translated} segment(s) translated in this run are kept in ${memory}; run the same command again to finish`;
  // Once aborted, whatever the engine threw on the way out (a killed process) is the interruption.
  if (aborted || (error instanceof Error && error.name === 'AbortError')) {
    return new InterruptedError(`interrupted: ${note}`, { cause: error });
  }
  if (error instanceof QuotaError)
    return new QuotaError(`${error.message}; ${note}`, {
      cause: error,
      ...(error.hint ? { hint: error.hint } : {}),
    });
  return error;
}
