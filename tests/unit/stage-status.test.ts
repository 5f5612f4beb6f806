/**
 * The pure half of how an Apertium pipeline's stages are started under one `sh` and report
 * their ends (src/providers/apertium/stage-status.ts); the processes themselves are exercised in
 * integration/apertium-lifecycle.test.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  describeEnd,
  launchScript,
  rootCause,
  statusEnd,
} from '../../src/providers/apertium/stage-status.js';

describe('launchScript', () => {
  it('passes every argument through the shell unchanged, quotes included', () => {
    const script = launchScript([['printf', '%s|', "it's", '$HOME', 'a b']]);
    const out = execFileSync('/bin/sh', ['-c', `${script} 3>/dev/null`], { encoding: 'utf8' });
    expect(out).toBe("it's|$HOME|a b|");
  });

  it('feeds each stage the previous one, and reports each pid then each status on fd 3', () => {
    const script = launchScript([['cat'], ['tr', 'a-z', 'A-Z'], ['sh', '-c', 'cat; exit 3']]);
    // Data out on stderr, status lines on stdout.
    const run = spawnSync('/bin/sh', ['-c', `{ ${script}; } 3>&1 1>&2`], {
      input: 'hello',
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('HELLO');
    const lines = run.stdout.trim().split('\n');
    for (const stage of [0, 1, 2]) {
      const pid = lines.findIndex((line) => new RegExp(`^pid ${stage} \\d+$`).test(line));
      const end = lines.indexOf(`end ${stage} ${stage === 2 ? 3 : 0}`);
      expect(pid, `stage ${stage}`).toBeGreaterThanOrEqual(0);
      expect(end, `stage ${stage}`).toBeGreaterThan(pid);
    }
  });
});

describe('statusEnd', () => {
  it.each([
    [0, { code: 0, signal: null }],
    [3, { code: 3, signal: null }],
    [137, { code: null, signal: 'SIGKILL' }],
    [141, { code: null, signal: 'SIGPIPE' }],
  ])('reads shell status %i', (status, expected) => {
    expect(statusEnd('lt-proc', status)).toEqual({ name: 'lt-proc', ...expected });
  });
});

describe('rootCause', () => {
  it('names the stage killed by a signal other than SIGPIPE before one that exited with an error', () => {
    const ends = [
      statusEnd('lt-proc', 141),
      statusEnd('apertium-transfer', 0),
      statusEnd('lrx-proc', 1),
      statusEnd('apertium-tagger', 137),
    ];
    const cause = rootCause(ends);
    expect(cause && describeEnd(cause, 'out of memory')).toBe(
      'apertium-tagger was killed (SIGKILL): out of memory',
    );
  });
});
