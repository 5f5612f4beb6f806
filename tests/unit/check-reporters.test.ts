import { describe, expect, it } from 'vitest';
import { defaultCheckConfig, parseCheckConfig } from '../../src/check/config.js';
import type { Finding } from '../../src/check/finding.js';
import { exitCodeOf } from '../../src/check/report.js';
import { annotation, escapeData, escapeProperty } from '../../src/check/reporters/github.js';
import { useColor } from '../../src/cli/io.js';

const finding: Finding = {
  check: 'number',
  severity: 'warning',
  file: 'dir,1/a:b.xlf',
  unit: 'p1.s1',
  line: 3,
  column: 5,
  message: 'p1.s1: 50% off\r\nnext',
  text: '50',
};

describe('GitHub workflow command escaping (@actions/core command.ts)', () => {
  it('escapes % CR LF in the message', () => {
    expect(escapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab');
  });
  it('also escapes : and , in properties', () => {
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });
  it('builds an annotation', () => {
    expect(annotation(finding)).toBe(
      '::warning file=dir%2C1/a%3Ab.xlf,line=3,col=5,title=versio number::p1.s1: 50%25 off%0D%0Anext',
    );
  });
});

describe('exit code and --severity', () => {
  const report = (failOn: 'error' | 'warning') => ({ files: [], findings: [finding], failOn });
  it('0 when only warnings and failing at error; 1 when failing at warning', () => {
    expect(exitCodeOf(report('error'))).toBe(0);
    expect(exitCodeOf(report('warning'))).toBe(1);
  });
});

describe('check config', () => {
  it('applies rule overrides over the defaults', () => {
    const config = parseCheckConfig(
      { other: 1, check: { rules: { number: { severity: 'warning' }, untranslated: { enabled: false } } } },
      'v.json',
    );
    expect(config.rules.number).toEqual({ enabled: true, severity: 'warning' });
    expect(config.rules.untranslated.enabled).toBe(false);
    expect(config.rules.leftover).toEqual(defaultCheckConfig().rules.leftover);
  });
  it.each([
    [{ check: { rules: { numbers: {} } } }, /v\.json: unknown check "numbers"/],
    [
      { check: { rules: { number: { severity: 'fatal' } } } },
      /check\.rules\.number\.severity must be one of warning, error/,
    ],
    [{ check: { rules: { number: { enabled: 'no' } } } }, /enabled must be true or false/],
    [[], /must be a JSON object/],
  ])('refuses %j', (value, message) => {
    expect(() => parseCheckConfig(value, 'v.json')).toThrow(message);
  });
});

describe('colour', () => {
  it('only on a TTY and never with NO_COLOR', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: true }, { NO_COLOR: '' })).toBe(false);
    expect(useColor({ isTTY: false }, {})).toBe(false);
  });
});
