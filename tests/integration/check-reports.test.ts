/**
 * The report formats on real check runs, validated by real consumers' schemas: SARIF 2.1.0 (OASIS
 * JSON schema, draft-07, with ajv), JUnit (Jenkins xunit junit-10.xsd, with the real xmllint), the
 * JSON report against its own schema, and GitHub Actions annotations.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/report.js';
import { renderReport } from '../../src/check/reporters/index.js';
import { runCheck } from '../../src/check/run.js';
import { repoRoot } from '../support/cli.js';
import { xmllint } from '../support/xmllint.js';

const fixtures = join(repoRoot, 'tests/fixtures/check');
const schemas = join(repoRoot, 'tests/schemas');
const temp = mkdtempSync(join(tmpdir(), 'versio-check-reports-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const FAILING = [
  'term-missing.xlf',
  'term-forbidden.xlf',
  'untranslated.xlf',
  'placeholder.xlf',
  'number.xlf',
  'leftover.xlf',
];
let failing: CheckReport;
let clean: CheckReport;
beforeAll(async () => {
  // leftover as a warning, so every report shows both severities.
  failing = (
    await runCheck(FAILING, {
      cwd: fixtures,
      glossary: 'glossary.yaml',
      config: 'config-leftover-warning.json',
    })
  ).report;
  clean = (await runCheck(['clean.xlf', 'cat-tool.xlf'], { cwd: fixtures, glossary: 'glossary.yaml' }))
    .report;
});

function compile(schemaFile: string) {
  const ajv = new Ajv({ allErrors: true });
  // ajv-formats is CommonJS; its typed export is `default` (also set at run time).
  ajvFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
}

describe('SARIF 2.1.0', () => {
  const validate = compile(join(schemas, 'sarif/sarif-schema-2.1.0.json'));

  it('the schema rejects a broken log, so passing it means something', () => {
    expect(validate({ version: '2.1.0' })).toBe(false);
    expect(
      validate({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } }, results: [{ level: 'fatal', message: { text: 'x' } }] }],
      }),
    ).toBe(false);
  });

  it.each([
    ['failing', () => failing],
    ['clean', () => clean],
  ])('a %s run validates against the schema', (_name, report) => {
    const log = JSON.parse(renderReport('sarif', report(), { color: false }));
    validate(log);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('lists every check as a rule and locates each result in its XLIFF file', () => {
    const log = JSON.parse(renderReport('sarif', failing, { color: false }));
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('versio');
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toEqual([
      'term-missing',
      'term-forbidden',
      'untranslated',
      'placeholder',
      'number',
      'leftover',
      'code-order',
      'unreadable',
      'doubled-word',
      'whitespace',
      'end-punctuation',
      'brackets',
      'length',
      'urls',
      'inconsistency',
      'start-capital',
    ]);
    expect(run.results).toHaveLength(failing.findings.length);
    const forbidden = run.results.find((r: { ruleId: string }) => r.ruleId === 'term-forbidden');
    expect(forbidden).toMatchObject({
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'term-forbidden.xlf' },
            region: { startLine: 9, startColumn: 7 },
          },
        },
      ],
    });
    expect(ruleIds[forbidden.ruleIndex]).toBe('term-forbidden');
    expect(run.results.find((r: { ruleId: string }) => r.ruleId === 'leftover').level).toBe('warning');
  });

  it('writes URIs relative to the working directory with forward slashes, percent-encoded', async () => {
    const nested = (
      await runCheck(['check/term-missing.xlf'], {
        cwd: join(fixtures, '..'),
        glossary: 'check/glossary.yaml',
      })
    ).report;
    const log = JSON.parse(
      renderReport(
        'sarif',
        { ...nested, findings: nested.findings.map((f) => ({ ...f, file: 'dir name/a#b.xlf' })) },
        { color: false },
      ),
    );
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'dir%20name/a%23b.xlf',
    );
    expect(
      JSON.parse(renderReport('sarif', nested, { color: false })).runs[0].results[0].locations[0]
        .physicalLocation.artifactLocation.uri,
    ).toBe('check/term-missing.xlf');
  });
});

describe('JUnit XML', () => {
  const xsd = join(schemas, 'junit/junit-10.xsd');
  const validateFile = (xml: string, name: string) => {
    const file = join(temp, name);
    writeFileSync(file, xml);
    return xmllint(xsd, file);
  };

  it('the XSD rejects a broken report, so passing it means something', () => {
    expect(validateFile('<testsuites><testsuite><testcase/></testsuite></testsuites>', 'broken.xml').ok).toBe(
      false,
    );
  });

  it.each([
    ['failing', () => failing],
    ['clean', () => clean],
  ])('a %s run validates against junit-10.xsd with xmllint', (name, report) => {
    expect(validateFile(renderReport('junit', report(), { color: false }), `${name}.xml`)).toEqual({
      ok: true,
      errors: [],
    });
  });

  it('has one test case per unit and one failure per failing finding; warnings go to system-out', () => {
    const xml = renderReport('junit', failing, { color: false });
    const units = failing.files.reduce((n, f) => n + f.units.length, 0);
    expect(xml.match(/<testcase /g)).toHaveLength(units);
    const errors = failing.findings.filter((f) => f.severity === 'error').length;
    expect(xml.match(/<failure /g)).toHaveLength(errors);
    expect(xml).toMatch(
      /<testcase name="p2\.s1" classname="leftover\.xlf"[^>]*>\n\s*<system-out>leftover\.xlf:9:7 warning \[leftover\]/,
    );
    expect(xml).toContain(
      '<failure type="term-forbidden" message="p2.s1: forbidden variant &quot;Tadmur&quot;',
    );
  });

  it('turns warnings into failures with --severity warning', () => {
    const xml = renderReport('junit', { ...failing, failOn: 'warning' }, { color: false });
    expect(xml.match(/<failure /g)).toHaveLength(failing.findings.length);
  });
});

describe('JSON report', () => {
  const validate = compile(join(repoRoot, 'src/check/findings.schema.json'));

  it('validates against src/check/findings.schema.json and carries its version', () => {
    const report = JSON.parse(renderReport('json', failing, { color: false }));
    validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(report.version).toBe(1);
    expect(report.summary).toMatchObject({
      files: 6,
      failing: failing.findings.filter((f) => f.severity === 'error').length,
    });
  });
});

describe('GitHub Actions annotations', () => {
  it('prints one workflow command per finding with file, line, col and title', () => {
    const lines = renderReport('github', failing, { color: false }).trimEnd().split('\n');
    expect(lines).toHaveLength(failing.findings.length + 1);
    expect(lines).toContain(
      '::error file=term-forbidden.xlf,line=9,col=7,title=versio term-forbidden::p2.s1: forbidden variant "Tadmur" in the target; write "Palmyra" (entry palmyra)',
    );
    const leftover = '::warning file=leftover.xlf,line=9,col=7,title=versio leftover::';
    expect(lines.filter((l) => l.startsWith(leftover))).toHaveLength(3); // «, » and the space before !
    expect(lines.at(-1)).toMatch(/^versio check: \d+ error\(s\)/);
  });
});

describe('text report', () => {
  it('groups by file and uses colour only when asked', () => {
    const plain = renderReport('text', failing, { color: false });
    expect(plain).not.toContain('\u001b[');
    expect(plain).toMatch(/^term-missing\.xlf\n {2}9:7 {2}error {4}p2\.s1: glossary term "Palmyre"/m);
    expect(renderReport('text', failing, { color: true })).toContain('\u001b[31m');
  });
});
