import type { Command } from 'commander';
import type { parseArticle } from '../../read/article.js';
import { action, type CliContext } from '../context.js';

export function registerSegment(program: Command, ctx: CliContext): void {
  program
    .command('segment')
    .description('split an article into sentences, one per line')
    .argument('<file>', 'French article (UTF-8 text)')
    .option('--json', 'print blocks and segments with ids and offsets')
    .addHelpText('after', '\nExample:\n  $ versio segment source/palmyre.fr.txt --json')
    .action(
      action(ctx, async (file: string, options: { json?: boolean }) => {
        const [{ readTextFile }, { parseArticle }] = await Promise.all([
          import('../../io/text-file.js'),
          import('../../read/article.js'),
        ]);
        const input = await readTextFile(file, { cwd: ctx.io.cwd });
        const doc = parseArticle(input.text, file, { bom: input.bom });
        if (options.json) {
          ctx.io.stdout.write(`${JSON.stringify(segmentListing(doc), null, 2)}\n`);
        } else {
          for (const block of doc.blocks) {
            for (const segment of block.segments)
              ctx.io.stdout.write(`${segment.source.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
          }
        }
        return 0;
      }),
    );
}

/** Ids, kinds and UTF-16 offsets into the source text (BOM excluded). */
function segmentListing(doc: ReturnType<typeof parseArticle>) {
  let offset = doc.before.length;
  const segments = [];
  for (const block of doc.blocks) {
    for (const segment of block.segments) {
      segments.push({
        id: segment.id,
        block: block.id,
        kind: block.kind,
        start: offset,
        end: offset + segment.source.length,
        text: segment.source,
      });
      offset += segment.source.length + segment.after.length;
    }
    offset += block.after.length;
  }
  return { path: doc.path, segments };
}
