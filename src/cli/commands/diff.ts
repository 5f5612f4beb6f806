import type { Command } from 'commander';
import { segmentsOf } from '../../document.js';
import { MAX_INPUT_BYTES } from '../../io/text-file.js';
import { action, type CliContext } from '../context.js';
import { useColor } from '../io.js';

export function registerDiff(program: Command, ctx: CliContext): void {
  program
    .command('diff')
    .description('show what reviewers changed between two XLIFF files, segment by segment (exit 0)')
    .argument('<before>', 'XLIFF 1.2 or 2.x file as it was (e.g. as versio translate wrote it)')
    .argument('<after>', 'XLIFF file as it came back from review')
    .option('--json', 'print a versio-diff/1 JSON report (format, before, after, summary, changes)')
    .addHelpText(
      'after',
      `
Segments are matched by id. Text output: one block per changed, added or removed segment
(id, state before → after, target before and after, the words changed as [-old-]{+new+}).

Example:
  $ versio diff translations/palmyre.en.xlf reviewed/palmyre.en.xlf`,
    )
    .action(
      action(ctx, async (beforePath: string, afterPath: string, options: { json?: boolean }) => {
        // The XLIFF reader and the word diff load here, not for --help.
        const [{ readXliffFile }, { diffDocuments }, { diffReport, formatDiffText }] = await Promise.all([
          import('../../xliff/read-file.js'),
          import('../../review/diff.js'),
          import('../../review/diff-report.js'),
        ]);
        // Every <file> of a multi-file document; segments are matched by their model id.
        const limits = { allFiles: true, maxBytes: MAX_INPUT_BYTES, cwd: ctx.io.cwd };
        const before = (await readXliffFile(beforePath, beforePath, limits)).doc;
        const after = (await readXliffFile(afterPath, afterPath, limits)).doc;
        const report = diffReport(
          diffDocuments(before, after),
          { before: beforePath, after: afterPath },
          segmentsOf(after).length,
        );
        ctx.io.stdout.write(
          options.json
            ? `${JSON.stringify(report, null, 2)}\n`
            : formatDiffText(report, { color: useColor(ctx.io.stdout, ctx.io.env) }),
        );
        return 0;
      }),
    );
}
