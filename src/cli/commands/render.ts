import { type Command, InvalidArgumentError } from 'commander';
import { RENDER_FORMATS, type RenderFormat } from '../../review/render-formats.js';
import { action, type CliContext } from '../context.js';

interface RenderCliOptions {
  out?: string;
  glossary?: string | false;
  format: RenderFormat[];
  quiet?: boolean;
}

export function registerRender(program: Command, ctx: CliContext): void {
  program
    .command('render')
    .description('rebuild the English article and the review page from a (reviewed) XLIFF file alone')
    .argument('<xliff>', 'XLIFF 1.2 or 2.x file written by versio translate, possibly edited in a CAT tool')
    .option('-o, --out <dir>', 'output directory (default: the XLIFF file’s directory)')
    .option('--format <list>', `comma-separated: ${RENDER_FORMATS.join(', ')}`, formatList, [
      ...RENDER_FORMATS,
    ])
    .option(
      '-g, --glossary <path>',
      'glossary for terms and checks on the review page (default: glossary/versio.glossary.yaml when present)',
    )
    .option('--no-glossary', 'no glossary on the review page')
    .option('-q, --quiet', 'print nothing but warnings and errors')
    .addHelpText(
      'after',
      `
txt and md are the article, json the i18next resources, html the bilingual review page.
A segment without a target is rendered from its source, with a warning naming it.

Examples:
  $ versio render translations/palmyre.en.xlf
  $ versio render reviewed/palmyre.en.xlf --out site --format md,html`,
    )
    .action(
      action(ctx, async (xliff: string, options: RenderCliOptions) => {
        // The XLIFF reader and the renderers load here, not for --help.
        const [{ rebuildFromXliff }, { glossaryPathFor }, { loadGlossary }, { loadCheckConfig }] =
          await Promise.all([
            import('../../review/rebuild.js'),
            import('../../glossary/default.js'),
            import('../../glossary/load.js'),
            import('../../check/config-file.js'),
          ]);
        const glossaryPath = await glossaryPathFor(options.glossary, ctx.io.cwd);
        const glossary =
          glossaryPath === undefined ? undefined : await loadGlossary(glossaryPath, { cwd: ctx.io.cwd });
        // The review page shows what `versio check` finds in the reviewed file, not in the engine's.
        const result = await rebuildFromXliff(xliff, {
          formats: options.format,
          cwd: ctx.io.cwd,
          ...(glossary ? { glossary } : {}),
          check: await loadCheckConfig(ctx.io.cwd),
          ...(options.out !== undefined ? { outDir: options.out } : {}),
        });
        for (const id of result.untranslated) {
          ctx.io.stderr.write(
            `versio: warning: ${xliff}: segment ${id} has no target; its source is rendered\n`,
          );
        }
        if (!options.quiet) for (const file of result.files) ctx.io.stdout.write(`wrote ${file}\n`);
        return 0;
      }),
    );
}

function formatList(value: string): RenderFormat[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase());
  const unknown = formats.filter((f) => !(RENDER_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0) {
    throw new InvalidArgumentError(
      `unknown format ${unknown.join(', ')}; expected ${RENDER_FORMATS.join(', ')}`,
    );
  }
  return formats as RenderFormat[];
}
