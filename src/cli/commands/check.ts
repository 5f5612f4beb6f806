import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { type CheckId, SEVERITIES, type Severity } from '../../check/finding.js';
import { FORMATS, type Format } from '../../check/formats.js';
import { RULES } from '../../check/rules.js';
import { action, type CliContext } from '../context.js';
import { useColor } from '../io.js';

interface CheckCliOptions {
  glossary?: string | false;
  format: Format;
  output?: string;
  severity: Severity;
  config?: string;
}

export function registerCheck(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description(
      'QA gate for translations: glossary terms, placeholders, numbers, untranslated units, French leftovers, punctuation, spacing, links, consistency',
    )
    .argument('<files...>', 'XLIFF 1.2 or 2.x files, or quoted globs ("translations/**/*.xlf")')
    .option(
      '-g, --glossary <path>',
      'named-entity glossary (default: glossary/versio.glossary.yaml when present)',
    )
    .option('--no-glossary', 'check without a glossary (terms marked in the XLIFF are still checked)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .addOption(
      new Option('--severity <level>', 'least severe finding that fails the run (exit 1)')
        .choices(SEVERITIES)
        .default('error'),
    )
    .option(
      '--config <path>',
      'project config with a "check" section (default: versio.config.json when present)',
    )
    .addHelpText(
      'after',
      `
Checks (configure in versio.config.json: {"check": {"rules": {"number": {"severity": "warning"}}}}):
${(Object.keys(RULES) as CheckId[]).map((id) => `  ${id.padEnd(15)} ${RULES[id].severity.padEnd(8)} ${RULES[id].summary}`).join('\n')}

Examples:
  $ versio check translations/*.xlf
  $ versio check "translations/**/*.xlf" --format sarif --output versio.sarif
  $ versio check translations/palmyre.en.xlf --format github --severity warning

Exit codes: 0 no finding at or above --severity (warnings allowed by default), 1 at least one,
2 usage error or unreadable input. An XLIFF file that cannot be read (malformed, DOCTYPE, not
XLIFF 1.2/2.x) is reported as an "unreadable" finding naming its line, the other files are still
checked and reported, and the run exits 2.`,
    )
    .action(
      action(ctx, async (files: string[], options: CheckCliOptions) => {
        const cwd = ctx.io.cwd;
        // Glossary loading and the XLIFF reader load here, not for --help.
        const { runCheck } = await import('../../check/run.js');
        const { report, exitCode, unreadable } = await runCheck(files, {
          cwd,
          failOn: options.severity,
          ...(options.glossary === undefined ? {} : { glossary: options.glossary }),
          ...(options.config === undefined ? {} : { config: options.config }),
        });
        // The reason a file could not be read comes first, as for every refusal.
        for (const message of unreadable) ctx.io.stderr.write(`versio: ${message}\n`);
        const stream = options.output === undefined ? ctx.io.stdout : { isTTY: false };
        const [{ renderReport }, { summarise }, { writeFileAtomic }] = await Promise.all([
          import('../../check/reporters/index.js'),
          import('../../check/report.js'),
          import('../../io/atomic-write.js'),
        ]);
        const text = renderReport(options.format, report, { color: useColor(stream, ctx.io.env) });
        if (options.output === undefined) {
          ctx.io.stdout.write(text);
        } else {
          await writeFileAtomic(resolve(cwd, options.output), text);
          const s = summarise(report);
          ctx.io.stderr.write(
            `versio check: ${s.errors} error(s), ${s.warnings} warning(s) in ${s.files} file(s); ${options.format} report written to ${options.output}\n`,
          );
        }
        return exitCode;
      }),
    );
}
