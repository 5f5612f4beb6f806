import { dirname, join, relative, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { InputError } from '../../errors.js';
import { action, type CliContext } from '../context.js';

export function registerGlossary(program: Command, ctx: CliContext): void {
  const glossary = program
    .command('glossary')
    .description('check, list, import and export the named-entity glossary')
    .addHelpText(
      'after',
      `
Examples:
  $ versio glossary validate glossary/versio.glossary.yaml
  $ versio glossary list glossary/versio.glossary.yaml --json
  $ versio glossary import terms.tbx -o glossary/other.glossary.yaml
  $ versio glossary export glossary/versio.glossary.yaml --format tbx -o versio.tbx
  $ versio glossary prune --provider deepl --older-than 30`,
    );

  glossary
    .command('prune')
    .description(
      "delete Versio's glossaries (versio-…) on the engine's account; runs never delete them, as another run may be using one",
    )
    .addOption(
      new Option('-p, --provider <name>', 'engine holding the glossaries')
        .choices(['deepl'])
        .makeOptionMandatory(),
    )
    .option('--older-than <days>', 'only glossaries created more than this many days ago', nonNegativeNumber)
    .action(
      action(ctx, async (options: { provider: 'deepl'; olderThan?: number }) => {
        const { pruneDeeplGlossaries } = await import('../../providers/deepl.js');
        const olderThanMs = options.olderThan === undefined ? undefined : options.olderThan * 86_400_000;
        const deleted = await pruneDeeplGlossaries(ctx.io.env, olderThanMs);
        for (const name of deleted) ctx.io.stdout.write(`deleted ${name}\n`);
        ctx.io.stdout.write(`${deleted.length} glossar${deleted.length === 1 ? 'y' : 'ies'} deleted\n`);
        return 0;
      }),
    );

  glossary
    .command('validate')
    .description('check a glossary file; errors name file:line and the entry (exit 2), warnings too (exit 0)')
    .argument('<file>', 'glossary (.yaml, .tbx, .csv, .tsv)')
    .action(
      action(ctx, async (file: string) => {
        const { loadGlossary } = await import('../../glossary/load.js');
        const { formatWarning, glossaryWarnings } = await import('../../glossary/warnings.js');
        const loaded = await loadGlossary(file, { cwd: ctx.io.cwd });
        const warnings = glossaryWarnings(loaded);
        for (const w of warnings) ctx.io.stderr.write(`versio: warning: ${formatWarning(file, w)}\n`);
        const noted =
          warnings.length === 0 ? '' : ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})`;
        ctx.io.stdout.write(`${file}: ${loaded.entries.length} entries, valid${noted}\n`);
        return 0;
      }),
    );

  glossary
    .command('list')
    .description('print the entries of a glossary')
    .argument('<file>', 'glossary (.yaml, .tbx, .csv, .tsv)')
    .option('--json', 'print the entries as JSON, with the glossary hash')
    .action(
      action(ctx, async (file: string, options: { json?: boolean }) => {
        const { loadGlossary } = await import('../../glossary/load.js');
        const { formatListing, glossaryListing } = await import('../../glossary/convert.js');
        const loaded = await loadGlossary(file, { cwd: ctx.io.cwd });
        ctx.io.stdout.write(
          options.json ? `${JSON.stringify(glossaryListing(loaded), null, 2)}\n` : formatListing(loaded),
        );
        return 0;
      }),
    );

  glossary
    .command('import')
    .description('convert a TBX (v3 or 2008), CSV or TSV glossary to our YAML format')
    .argument('<file>', 'glossary to import (.tbx, .csv, .tsv)')
    .option('-o, --output <file>', 'write the YAML here (default: standard output)')
    .action(
      action(ctx, async (file: string, options: { output?: string }) => {
        const { loadGlossary } = await import('../../glossary/load.js');
        const { toYaml } = await import('../../glossary/yaml.js');
        const loaded = await loadGlossary(file, { cwd: ctx.io.cwd });
        const schema = options.output ? schemaComment(ctx.io.cwd, options.output) : undefined;
        await emit(ctx, toYaml(loaded, schema), options.output);
        return 0;
      }),
    );

  glossary
    .command('export')
    .description('write a glossary as TBX v3, TBX 2008, or DeepL CSV/TSV')
    .argument('<file>', 'glossary (.yaml, .tbx, .csv, .tsv)')
    .requiredOption('--format <format>', 'tbx | tbx2008 | csv | tsv')
    .option(
      '--deepl',
      "csv/tsv: DeepL's two columns only (drops id, type, policy, article, forbidden, note, flags; says so)",
    )
    .option('-o, --output <file>', 'write here (default: standard output)')
    .addHelpText(
      'after',
      `
CSV and TSV carry DeepL's columns (source, target, source and target language) and then
Versio's (id, type, policy, article, forbidden, note, ignoreCase, ignoreAccents): glossary
import reads them back to the same entries and ids. --deepl writes the first two only.`,
    )
    .action(
      action(ctx, async (file: string, options: { format: string; output?: string; deepl?: boolean }) => {
        const { exportGlossary, exportFormats, isExportFormat } = await import('../../glossary/convert.js');
        if (!isExportFormat(options.format)) {
          throw new InputError(`unknown export format "${options.format}"`, {
            hint: `use one of: ${exportFormats.join(', ')}`,
          });
        }
        const { loadGlossary } = await import('../../glossary/load.js');
        const deepl = options.deepl === true && (options.format === 'csv' || options.format === 'tsv');
        await emit(
          ctx,
          exportGlossary(await loadGlossary(file, { cwd: ctx.io.cwd }), options.format, { deepl }),
          options.output,
        );
        if (deepl) {
          const { LOST_IN_DEEPL } = await import('../../glossary/csv-columns.js');
          ctx.io.stderr.write(
            `versio: warning: DeepL's format cannot carry ${LOST_IN_DEEPL.join(', ')}; an import makes ids from the English form\n`,
          );
        }
        return 0;
      }),
    );
}

async function emit(ctx: CliContext, text: string, output: string | undefined): Promise<void> {
  if (output === undefined) {
    ctx.io.stdout.write(text);
    return;
  }
  const { writeFileAtomic } = await import('../../io/atomic-write.js');
  await writeFileAtomic(resolve(ctx.io.cwd, output), text);
  ctx.io.stderr.write(`wrote ${output}\n`);
}

/** The editor hint pointing at the project's schema, relative to where the YAML is written. */
function schemaComment(cwd: string, output: string): string {
  const schema = relative(dirname(resolve(cwd, output)), join(cwd, 'glossary', 'glossary.schema.json'));
  return `# yaml-language-server: $schema=${schema.startsWith('.') ? schema : `./${schema}`}`;
}

function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || value.trim() === '')
    throw new InvalidArgumentError('expected a number of days');
  return n;
}
