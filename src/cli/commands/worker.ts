import { type Command, Option } from 'commander';
import { InputError } from '../../errors.js';
import { isProviderName, providerNames } from '../../providers/index.js';
import { positiveInt, positiveNumber } from '../arguments.js';
import { action, type CliContext } from '../context.js';

interface WorkerCliOptions {
  redis: string;
  provider: string;
  concurrency: number;
  rate?: number;
  retryBudget?: number;
  maxRetryAfter?: number;
  timeout?: number;
  lockMs?: number;
  quiet?: boolean;
}

export function registerWorker(program: Command, ctx: CliContext): void {
  program
    .command('worker')
    .description('scale out: translate engine requests that `versio translate --redis` puts on the queue')
    .requiredOption('--redis <url>', 'the Redis every worker and enqueuer shares, e.g. redis://10.0.0.5:6379')
    .addOption(
      new Option('-p, --provider <name>', 'engine this worker runs')
        .choices(providerNames)
        .default('apertium'),
    )
    .option('-c, --concurrency <n>', 'requests this worker runs at once', positiveInt, 2)
    .option('--rate <n>', "the engine's requests per rolling second, all workers together", positiveNumber)
    .option(
      '--retry-budget <seconds>',
      "how long a request's 429s are retried, from its first (default 600)",
      positiveNumber,
    )
    .option('--max-retry-after <seconds>', "cap on a server's Retry-After", positiveNumber)
    .option('--timeout <seconds>', 'time a request may take before it is retried', positiveNumber)
    .option(
      '--lock-ms <ms>',
      'a worker silent this long is taken for dead and its jobs go to others',
      positiveInt,
    )
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      `
The provider's rate limit and concurrency hold for all workers together (Redis keeps them), a
429 pauses every worker, and the translation memory in Redis is shared. Stop with Ctrl-C.
Pacing is the engine's default (README), else versio.config.json "translate": { "<engine>": … }
in the worker's directory, else --rate / --retry-budget / --max-retry-after / --timeout: give every worker the same.

Examples:
  $ versio worker --redis redis://127.0.0.1:6379 --provider deepl      (DEEPL_AUTH_KEY set)
  $ versio translate source/*.fr.txt --provider deepl --redis redis://127.0.0.1:6379`,
    )
    .action(
      action(ctx, async (options: WorkerCliOptions) => {
        if (!isProviderName(options.provider)) throw new InputError(`unknown provider ${options.provider}`);
        const { runWorker } = await import('../../scale/worker.js');
        const { CONFIG_FILE } = await import('../../check/config-file.js');
        const { givenSettings, loadPacingSettings, toOverrides } = await import(
          '../../providers/pacing-config.js'
        );
        const fromFile = await loadPacingSettings(ctx.io.cwd, CONFIG_FILE, options.provider);
        // Not `options` whole: a worker's --concurrency is its own, not the engine's for all workers.
        const { rate, retryBudget, maxRetryAfter, timeout } = options;
        const overrides = toOverrides({
          ...fromFile,
          ...givenSettings({ rate, retryBudget, maxRetryAfter, timeout }),
        });
        const say = (line: string) => {
          if (!options.quiet) ctx.io.stderr.write(`${line}\n`);
        };
        await runWorker({
          redisUrl: options.redis,
          provider: options.provider,
          concurrency: options.concurrency,
          overrides,
          ...(options.lockMs ? { lockMs: options.lockMs } : {}),
          env: ctx.io.env,
          signal: ctx.signal,
          onEvent: (event) => {
            if (event.type === 'ready') say(`worker: taking requests from ${event.queue}`);
            else if (event.type === 'paused')
              say(`worker: the engine is limiting the rate; every worker waits ${event.ms} ms`);
            else if (event.type === 'job-retry')
              say(`worker: request ${event.id} will be retried (${event.reason})`);
          },
        });
        return 0;
      }),
    );
}
