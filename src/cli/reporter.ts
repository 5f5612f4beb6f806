import type { PipelineEvent } from '../pipeline/events.js';
import type { CliIO } from './io.js';

export type ReporterMode = 'tty' | 'lines' | 'quiet';

export function reporterMode(io: CliIO, options: { quiet?: boolean; json?: boolean }): ReporterMode {
  if (options.quiet || options.json) return 'quiet';
  return io.stderr.isTTY && !io.env.CI ? 'tty' : 'lines';
}

/**
 * Prints pipeline events: a progress bar (segments done / total, rate, ETA) on a TTY, plain
 * lines in CI, nothing when quiet. All on stderr, so stdout stays for results.
 */
export function createReporter(io: CliIO, mode: ReporterMode, now: () => number = Date.now) {
  let total = 0;
  let done = 0;
  const started = now();
  let lastDraw = 0;
  const draw = (force = false) => {
    const t = now();
    if (!force && t - lastDraw < 100) return;
    lastDraw = t;
    const seconds = Math.max((t - started) / 1000, 0.001);
    const rate = done / seconds;
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    const width = 24;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    io.stderr.write(`\r${bar} ${done}/${total} segments  ${rate.toFixed(1)}/s  ETA ${eta}s `);
  };
  return (event: PipelineEvent): void => {
    if (mode === 'quiet') return;
    switch (event.type) {
      case 'document-start':
        total += event.segments;
        done += event.fromMemory + (event.segments - event.fromMemory - event.toTranslate);
        if (mode === 'lines') {
          io.stderr.write(
            `${event.path}: ${event.segments} segments, ${event.fromMemory} from memory, ${event.toTranslate} to translate\n`,
          );
        } else draw(true);
        break;
      case 'segment-done':
        done += 1;
        if (mode === 'tty') draw();
        break;
      case 'batch-retry':
        if (mode === 'tty') io.stderr.write('\n');
        io.stderr.write(
          `retrying ${event.ids.length} segment(s) in ${(event.delayMs / 1000).toFixed(1)}s (attempt ${event.attempt}): ${event.reason}\n`,
        );
        break;
      case 'document-done':
        if (mode === 'tty') {
          draw(true);
          io.stderr.write('\n');
        }
        break;
    }
  };
}
