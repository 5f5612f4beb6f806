import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_MEMORY_PATH } from '../../memory/default.js';
import { memoryLocation } from '../../memory/open.js';
import { version } from '../../version.js';
import { action, type CliContext } from '../context.js';

export function registerTm(program: Command, ctx: CliContext): void {
  const tm = program
    .command('tm')
    .description(
      'translation memory: export to and import from TMX 1.4b (other CAT tools read it), compact, load',
    );
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
          memoryPath: memoryLocation(ctx.io.cwd, opts.memory),
          tmxPath: resolve(ctx.io.cwd, opts.tmx),
          creationToolVersion: version,
        });
        ctx.io.stdout.write(`exported ${units} translation unit${units === 1 ? '' : 's'} to ${opts.tmx}\n`);
        return 0;
      }),
    );

  tm.command('import')
    .description(
      'add the units of a TMX file to the translation memory (reused for exact matches: see --help)',
    )
    .argument('<file>', 'TMX file to read')
    .option(...memoryOption)
    .option(
      '--provider <name>',
      'engine that produced the translations (default: the x-versio-provider prop, else "tmx")',
    )
    .addHelpText(
      'after',
      `
Imported units are stored apart (provider "tmx" or "tmx:<name>") and used by translate for a
sentence whose source text is exactly the unit's, in the article's language pair, when the
memory holds no translation of its own for that sentence (engine, options and glossary). A TMX
unit does not record the glossary its translation followed, so the glossary post-check still
runs on it (a missing term marks the segment needs-review). Export writes them back out.`,
    )
    .action(
      action(ctx, async (file: string, opts: { memory: string; provider?: string }) => {
        const { importTmxFile } = await import('../../memory/tmx-file.js');
        const { units, added } = await importTmxFile({
          tmxPath: resolve(ctx.io.cwd, file),
          memoryPath: memoryLocation(ctx.io.cwd, opts.memory),
          ...(opts.provider === undefined ? {} : { provider: opts.provider }),
        });
        ctx.io.stdout.write(
          `read ${units} translation unit${units === 1 ? '' : 's'} from ${file}; ${added} new in ${opts.memory}\n`,
        );
        return 0;
      }),
    );

  tm.command('compact')
    .description('rewrite the memory with one record per key (superseded and duplicate records dropped)')
    .option(...memoryOption)
    .addHelpText(
      'after',
      `
Safe while other runs use the memory: it takes the memory's lock, writes a new file and
renames it over the old one; runs wait for the lock and read the new file. Claims whose
lease has ended (left by a run that crashed) are dropped too.`,
    )
    .action(
      action(ctx, async (opts: { memory: string }) => {
        const { compactMemory } = await import('../../memory/compact.js');
        const result = await compactMemory(memoryLocation(ctx.io.cwd, opts.memory));
        ctx.io.stdout.write(
          `compacted ${opts.memory}: ${result.records} record${result.records === 1 ? '' : 's'} kept of ${result.linesBefore} lines (${result.bytesBefore} → ${result.bytesAfter} bytes)\n`,
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
          memoryLocation(ctx.io.cwd, from),
          memoryLocation(ctx.io.cwd, opts.memory),
        );
        ctx.io.stdout.write(
          `read ${read} record${read === 1 ? '' : 's'} from ${from}; ${added} new in the target memory\n`,
        );
        return 0;
      }),
    );
}
