import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_MEMORY_PATH } from '../../memory/default.js';
import { version } from '../../version.js';
import { action, type CliContext } from '../context.js';

export function registerTm(program: Command, ctx: CliContext): void {
  const tm = program
    .command('tm')
    .description('translation memory: export to and import from TMX 1.4b (other CAT tools read it)');
  const memoryOption = [
    '--memory <path>',
    'translation memory: a JSON Lines file, or redis://host:port for a shared one',
    DEFAULT_MEMORY_PATH,
  ] as const;

  tm.command('export')
    .description('write the translation memory as TMX 1.4b (one <tu> per segment, latest translation)')
    .requiredOption('--tmx <file>', 'TMX file to write')
    .option(...memoryOption)
    .action(
      action(ctx, async (opts: { tmx: string; memory: string }) => {
        // tmx-file pulls in the XML parser: loaded only when a tm command runs.
        const { exportTmxFile } = await import('../../memory/tmx-file.js');
        const { units } = await exportTmxFile({
          memoryPath: memoryAt(ctx.io.cwd, opts.memory),
          tmxPath: resolve(ctx.io.cwd, opts.tmx),
          creationToolVersion: version,
        });
        ctx.io.stdout.write(`exported ${units} translation unit${units === 1 ? '' : 's'} to ${opts.tmx}\n`);
        return 0;
      }),
    );

  tm.command('import')
    .description('add the units of a TMX file to the translation memory (reused only on request: see --help)')
    .argument('<file>', 'TMX file to read')
    .option(...memoryOption)
    .option(
      '--provider <name>',
      'engine that produced the translations (default: the x-versio-provider prop, else "tmx")',
    )
    .addHelpText(
      'after',
      `
Imported units are stored apart (provider "tmx" or "tmx:<name>"): an ordinary translate run
never reuses them, because a TMX unit does not record the glossary and engine options its
translation depends on. Export writes them back out.`,
    )
    .action(
      action(ctx, async (file: string, opts: { memory: string; provider?: string }) => {
        const { importTmxFile } = await import('../../memory/tmx-file.js');
        const { units, added } = await importTmxFile({
          tmxPath: resolve(ctx.io.cwd, file),
          memoryPath: memoryAt(ctx.io.cwd, opts.memory),
          ...(opts.provider === undefined ? {} : { provider: opts.provider }),
        });
        ctx.io.stdout.write(
          `read ${units} translation unit${units === 1 ? '' : 's'} from ${file}; ${added} new in ${opts.memory}\n`,
        );
        return 0;
      }),
    );

  tm.command('load')
    .description('copy a memory into --memory, e.g. a JSON Lines file into the Redis memory workers share')
    .argument('<from>', 'memory to read: a JSON Lines file or a redis:// URL')
    .option(...memoryOption)
    .action(
      action(ctx, async (from: string, opts: { memory: string }) => {
        const { copyMemory } = await import('../../memory/copy.js');
        const { read, added } = await copyMemory(
          memoryAt(ctx.io.cwd, from),
          memoryAt(ctx.io.cwd, opts.memory),
        );
        ctx.io.stdout.write(
          `read ${read} record${read === 1 ? '' : 's'} from ${from}; ${added} new in the target memory\n`,
        );
        return 0;
      }),
    );
}

/** A memory file is relative to the working directory; a Redis URL is taken as it is. */
function memoryAt(cwd: string, location: string): string {
  return /^rediss?:\/\//i.test(location) ? location : resolve(cwd, location);
}
