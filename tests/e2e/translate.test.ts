import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, repoRoot, runBin, seedArticle, tempDir } from '../support/cli.js';
import { validateXliff } from '../support/xmllint.js';

const source = readFileSync(seedArticle, 'utf8');
const blankLayout = (text: string) => text.split(/\r\n|\r|\n/).map((line) => (line.trim() === '' ? '' : 'x'));

describe.each(['pseudo', 'apertium'])('versio translate --provider %s on the seed article', (provider) => {
  const dir = tempDir();
  const out = join(dir.path, 'translations');
  let result: Awaited<ReturnType<typeof runBin>>;

  beforeAll(async () => {
    mkdirSync(join(dir.path, 'source'));
    copyFileSync(seedArticle, join(dir.path, 'source/palmyre.fr.txt'));
    mkdirSync(join(dir.path, 'glossary'));
    copyFileSync(
      join(repoRoot, 'glossary/versio.glossary.yaml'),
      join(dir.path, 'glossary/versio.glossary.yaml'),
    );
    result = await runBin(['translate', 'source/palmyre.fr.txt', '--provider', provider, '--out', out], {
      cwd: dir.path,
    });
  });
  afterAll(() => dir.cleanup());

  it('exits 0 and prints a summary line', () => {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/14 segments/);
  });
  it('writes the XLIFF, the text, the Markdown and the i18next bundle', () => {
    for (const file of ['palmyre.en.xlf', 'palmyre.en.txt', 'palmyre.en.md', 'en/palmyre.json']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
  });
  it('writes XLIFF that validates against 1.2 strict', () => {
    const check = validateXliff(join(out, 'palmyre.en.xlf'), '1.2');
    expect(check.errors).toEqual([]);
    expect(check.ok).toBe(true);
  });
  it('keeps the number of lines and the blank-line layout of the source', () => {
    const english = readFileSync(join(out, 'palmyre.en.txt'), 'utf8');
    expect(blankLayout(english)).toEqual(blankLayout(source));
  });
  it('puts every segment in the i18next bundle', () => {
    const bundle = JSON.parse(readFileSync(join(out, 'en/palmyre.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(bundle)).toHaveLength(14);
    expect(Object.values(bundle).every((t) => t.trim().length > 0)).toBe(true);
  });
  const rerun = async () => {
    const again = await runBin(
      ['translate', 'source/palmyre.fr.txt', '--provider', provider, '--out', out, '--json'],
      {
        cwd: dir.path,
      },
    );
    expect(again.code).toBe(0);
    return (
      JSON.parse(again.stdout) as {
        documents: { fromMemory: number; translated: number; keptFromReview: number; reused: number }[];
      }
    ).documents[0];
  };
  it('sends nothing to the engine on an unchanged rerun: the previous XLIFF answers', async () => {
    expect(await rerun()).toMatchObject({ reused: 14, keptFromReview: 0, fromMemory: 0, translated: 0 });
  });
  it('answers from the memory when the XLIFF is gone', async () => {
    rmSync(join(out, 'palmyre.en.xlf'));
    expect(await rerun()).toMatchObject({ reused: 0, keptFromReview: 0, fromMemory: 14, translated: 0 });
  });
});

describe('versio segment', () => {
  it('prints the 14 segments of the seed article, one per line', async () => {
    const result = await runBin(['segment', 'source/palmyre.fr.txt']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(14);
    expect(lines[0]).toBe('International');
    expect(lines[13]).toMatch(/^Le 17 mars,\s+Vladimir Poutine/);
  });
  it('gives ids and offsets with --json that point into the source', async () => {
    const result = await runBin(['segment', 'source/palmyre.fr.txt', '--json']);
    const listing = JSON.parse(result.stdout) as {
      segments: { id: string; start: number; end: number; text: string }[];
    };
    expect(listing.segments.map((s) => s.id)).toContain('p4.s2');
    for (const s of listing.segments) expect(source.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('output into a pipe its reader closes early (| head)', () => {
  it('stops quietly: no stack trace, exit 0', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [binPath, 'segment', seedArticle], { cwd: repoRoot });
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // Like `head -c 1`: read the first chunk, then close the pipe while the CLI still writes.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(Buffer.concat(stderr).toString('utf8')).toBe('');
    expect(code).toBe(0);
  });
});

describe('versio --help and --version', () => {
  it('prints help with examples and exit codes', async () => {
    const result = await runBin(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Examples:/);
    expect(result.stdout).toMatch(/Exit codes:/);
  });
  it('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const result = await runBin(['--version']);
    expect(result.stdout.trim()).toBe(pkg.version);
  });
});
