#!/usr/bin/env node
// `versio --version` answers before commander and the commands load (scripts call it often).
const args = process.argv.slice(2);
// A reader that stops early (`versio segment … | head`) closes the pipe: stop quietly, as Unix
// tools do, instead of dying on the EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { version } = await import('../version.js');
  process.stdout.write(`${version}\n`);
} else {
  // With an engine server running (`versio engine start`), a translation runs there, warm.
  const served =
    args[0] === 'translate' && process.env.VERSIO_ENGINE !== 'local'
      ? await (await import('./engine-run.js')).translateOnEngine(args)
      : undefined;
  if (served === undefined) await runHere();
  else process.exitCode = served;
}

async function runHere(): Promise<void> {
  const { main } = await import('./main.js');
  const controller = new AbortController();
  let interrupts = 0;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      interrupts += 1;
      // A second Ctrl-C while we are saving work exits at once.
      if (interrupts > 1) process.exit(130);
      // An AbortError, so cli/main.ts and the commands report an interruption (exit 130), not a bug.
      controller.abort(new DOMException(`interrupted by ${signal}`, 'AbortError'));
    });
  }
  process.exitCode = await main(process.argv, undefined, controller.signal);
}
