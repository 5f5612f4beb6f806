import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { createReporter, reporterMode } from '../../src/cli/reporter.js';
import type { PipelineEvent } from '../../src/pipeline/events.js';

function io(tty: boolean, env: NodeJS.ProcessEnv = {}): CliIO & { text: () => string } {
  const stderr = Object.assign(new PassThrough(), { isTTY: tty });
  const chunks: string[] = [];
  stderr.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { stdout: new PassThrough(), stderr, env, cwd: '/', text: () => chunks.join('') };
}

const run: PipelineEvent[] = [
  { type: 'document-start', path: 'a.fr.txt', segments: 4, fromMemory: 1, toTranslate: 3 },
  { type: 'segment-done', path: 'a.fr.txt', id: 'p1.s1', from: 'engine', remembered: true },
  { type: 'batch-retry', ids: ['p1.s2', 'p1.s3'], attempt: 1, delayMs: 1500, reason: 'HTTP 429' },
  { type: 'segment-done', path: 'a.fr.txt', id: 'p1.s2', from: 'engine', remembered: true },
  { type: 'segment-done', path: 'a.fr.txt', id: 'p1.s3', from: 'engine', remembered: true },
];

describe('reporterMode', () => {
  it.each([
    ['a terminal', true, {}, {}, 'tty'],
    ['CI, even on a terminal', true, { CI: 'true' }, {}, 'lines'],
    ['a pipe', false, {}, {}, 'lines'],
    ['--quiet', true, {}, { quiet: true }, 'quiet'],
    ['--json', false, {}, { json: true }, 'quiet'],
  ] as const)('%s → %s', (_name, tty, env, options, mode) => {
    expect(reporterMode(io(tty, env), options)).toBe(mode);
  });
});

describe('createReporter', () => {
  it('draws a progress bar with counts, rate and ETA on a terminal', async () => {
    const out = io(true);
    let now = 0;
    const report = createReporter(out, 'tty', () => now);
    for (const event of run) {
      now += 1000;
      report(event);
    }
    await new Promise((r) => setImmediate(r));
    expect(out.text()).toMatch(/\r[█░]{24} 1\/4 segments/);
    expect(out.text()).toMatch(/4\/4 segments {2}\d+\.\d\/s {2}ETA 0s/);
    expect(out.text()).toContain('retrying 2 segment(s) in 1.5s (attempt 1): HTTP 429');
  });
  it('prints plain lines without carriage returns in CI', async () => {
    const out = io(false);
    const report = createReporter(out, 'lines');
    for (const event of run) report(event);
    await new Promise((r) => setImmediate(r));
    expect(out.text()).not.toContain('\r');
    expect(out.text().split('\n')[0]).toBe('a.fr.txt: 4 segments, 1 from memory, 3 to translate');
  });
  it('prints nothing when quiet', async () => {
    const out = io(true);
    const report = createReporter(out, 'quiet');
    for (const event of run) report(event);
    await new Promise((r) => setImmediate(r));
    expect(out.text()).toBe('');
  });
});
