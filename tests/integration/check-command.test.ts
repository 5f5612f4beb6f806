/**
 * `versio check` through the CLI in-process, on real XLIFF files read by the real reader:
 * one clean and one failing fixture per check, exit codes 0, 1 and 2, --severity, --config, --output.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { repoRoot, runMain } from '../support/cli.js';

const runCheckCommand = (args: string[], cwd: string, env: NodeJS.ProcessEnv = { NO_COLOR: '1' }) =>
  runMain(['check', ...args], { cwd, env });

const fixtures = join(repoRoot, 'tests/fixtures/check');
const check = (...args: string[]) => runCheckCommand(['--glossary', 'glossary.yaml', ...args], fixtures);
const temp = mkdtempSync(join(tmpdir(), 'versio-check-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('versio check', () => {
  it('exits 0 on a clean file and says so', async () => {
    const result = await check('clean.xlf');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/1 file, 4 units checked: no problems/);
    expect(result.code).toBe(0);
  });

  it.each([
    ['term-missing', 'term-missing.xlf', 'Palmyra'],
    ['term-forbidden', 'term-forbidden.xlf', 'Tadmur'],
    ['untranslated', 'untranslated.xlf', 'copy of the source'],
    ['placeholder', 'placeholder.xlf', '__E1__'],
    ['number', 'number.xlf', '"17" of the source'],
  ])('%s: exits 1 and names file, unit and text', async (id, file, text) => {
    const result = await check(file, '--format', 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      findings: { check: string; file: string; unit: string; line: number; message: string }[];
    };
    // A changed number is reported both ways: 17 missing from the target, 7 not in the source.
    const ours = report.findings.filter((f) => f.check === id);
    expect(ours).toHaveLength(id === 'number' ? 2 : 1);
    expect(ours[0]).toMatchObject({ file, unit: 'p2.s1', line: 9 });
    expect(ours[0]?.message).toContain(text);
  });

  it('leftover is an error by default', async () => {
    const strict = await check('leftover.xlf');
    expect(strict.stdout).toMatch(/leftover\.xlf\n {2}9:7 {2}error {4}p2\.s1: French guillemet "«"/);
    expect(strict.code).toBe(1);
  });

  it('a check made a warning in the config: exit 0, exit 1 with --severity warning', async () => {
    const lenient = await check('leftover.xlf', '--config', 'config-leftover-warning.json');
    expect(lenient.stdout).toMatch(/leftover\.xlf\n {2}9:7 {2}warning {2}p2\.s1: French guillemet "«"/);
    expect(lenient.code).toBe(0);
    const failing = await check(
      'leftover.xlf',
      '--config',
      'config-leftover-warning.json',
      '--severity',
      'warning',
    );
    expect(failing.code).toBe(1);
  });

  it('reads a file a CAT tool wrote back (attribute order, namespaces, approved, state final, inline codes)', async () => {
    const result = await check('cat-tool.xlf', '--format', 'json');
    expect(JSON.parse(result.stdout).findings).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('expands a quoted glob and reports every file it matched', async () => {
    const result = await check(
      '{clean,number,term-*}.xlf',
      '--format',
      'json',
      '--config',
      'config-number-warning.json',
    );
    const report = JSON.parse(result.stdout) as {
      files: { path: string }[];
      findings: { check: string; severity: string }[];
    };
    expect(report.files.map((f) => f.path)).toEqual([
      'clean.xlf',
      'number.xlf',
      'term-forbidden.xlf',
      'term-missing.xlf',
    ]);
    expect(report.findings.some((f) => f.check === 'untranslated')).toBe(false);
    expect(report.findings.filter((f) => f.check === 'number').map((f) => f.severity)).toEqual([
      'warning',
      'warning',
    ]);
  }, 60_000);

  it('--config makes number a warning: the number fixture then passes', async () => {
    expect((await check('number.xlf', '--config', 'config-number-warning.json')).code).toBe(0);
  });

  it.each([
    ['a malformed XLIFF, naming the line', ['malformed.xlf'], /malformed\.xlf:2[12]:/],
    ['a missing file', ['nothing-here.xlf'], /nothing-here\.xlf: cannot read: no such file/],
    ['a glob matching nothing', ['*.xliff'], /\*\.xliff: no file matches/],
    [
      'an unknown check in the config',
      ['clean.xlf', '--config', 'config-bad.json'],
      /config-bad\.json: unknown check "numbers"/,
    ],
    ['an unknown format', ['clean.xlf', '--format', 'xml'], /invalid/],
    ['an unknown severity', ['clean.xlf', '--severity', 'fatal'], /invalid/],
  ])('exits 2 on %s', async (_what, args, message) => {
    const result = await check(...args);
    expect(result.stderr).toMatch(message);
    expect(
      result.stderr.split('\n').filter((l) => l.startsWith('versio:') || l.startsWith('error:')),
    ).toHaveLength(1);
    expect(result.code).toBe(2);
  });

  it('--output writes the report atomically and prints a summary on stderr', async () => {
    const out = join(temp, 'reports', 'versio.sarif');
    const result = await check('term-missing.xlf', '--format', 'sarif', '--output', out);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/1 error\(s\), 0 warning\(s\) in 1 file\(s\); sarif report written to/);
    expect(JSON.parse(readFileSync(out, 'utf8')).runs[0].results).toHaveLength(1);
    expect(result.code).toBe(1);
  });

  it('runCheck works in-process: editing a target to a forbidden form fails and names the unit', async () => {
    const edited = join(temp, 'edited.xlf');
    writeFileSync(
      edited,
      readFileSync(join(fixtures, 'clean.xlf'), 'utf8').replace('entered Palmyra', 'entered Palmira'),
    );
    const clean = await runCheck([join(fixtures, 'clean.xlf')], { cwd: fixtures, glossary: 'glossary.yaml' });
    expect(clean.exitCode).toBe(0);
    const run = await runCheck([edited], { cwd: temp, glossary: join(fixtures, 'glossary.yaml') });
    expect(run.exitCode).toBe(1);
    expect(run.report.findings.map((f) => [f.check, f.unit, f.text])).toEqual([
      ['term-missing', 'p2.s1', 'Palmyra'],
      ['term-forbidden', 'p2.s1', 'Palmira'],
    ]);
  });
});
