import { Command } from 'commander';
import { version } from '../version.js';
import { registerCheck } from './commands/check.js';
import { registerDiff } from './commands/diff.js';
import { registerEngine } from './commands/engine.js';
import { registerGlossary } from './commands/glossary.js';
import { registerRender } from './commands/render.js';
import { registerSegment } from './commands/segment.js';
import { registerTm } from './commands/tm.js';
import { registerTranslate } from './commands/translate.js';
import { registerWorker } from './commands/worker.js';
import type { CliContext } from './context.js';

/** Builds the program. Command modules register themselves; their heavy imports stay lazy. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('versio')
    .description(
      'Translate French news articles: segment, apply the named-entity glossary, translate, write XLIFF and English.',
    )
    .version(version, '-V, --version')
    .option('--debug', 'print stack traces of unexpected errors')
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
      // Usage errors read like every other error: `versio: unknown option '--x'`.
      outputError: (s, write) => write(s.replace(/^error: /, 'versio: ')),
    })
    .exitOverride();
  for (const register of [
    registerTranslate,
    registerSegment,
    registerGlossary,
    registerCheck,
    registerRender,
    registerDiff,
    registerTm,
    registerWorker,
    registerEngine,
  ])
    register(program, ctx);
  program.addHelpText(
    'after',
    `
Examples:
  $ versio translate source/palmyre.fr.txt                 offline with Apertium, into translations/
  $ versio translate article.fr.txt --provider deepl       DeepL (DEEPL_AUTH_KEY in the environment)
  $ versio segment source/palmyre.fr.txt --json            sentence ids and offsets

Exit codes: 0 ok, 1 check failures, 2 usage or input error, 3 provider error,
4 quota or budget exceeded, 70 internal error (please report), 130 interrupted.`,
  );
  return program;
}
