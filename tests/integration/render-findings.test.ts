import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runMain, tempDir } from '../support/cli.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

describe('versio render puts the reviewed file’s check findings on the review page', () => {
  it('shows a forbidden variant a reviewer typed, with its unit', async () => {
    const xml = readFileSync(join(repoRoot, 'translations/palmyre.en.xlf'), 'utf8');
    const edited = xml.replace(/(<trans-unit id="p2\.s1"[\s\S]*?<target[^>]*>[\s\S]*?)Palmyra/, '$1Palmira');
    expect(edited).not.toBe(xml);
    const file = join(dir.path, 'palmyre.en.xlf');
    writeFileSync(file, edited);
    const glossary = join(repoRoot, 'glossary/versio.glossary.yaml');
    const result = await runMain(['render', file, '--glossary', glossary, '--format', 'html', '--quiet']);
    expect(result.code).toBe(0);
    const page = readFileSync(join(dir.path, 'palmyre.review.html'), 'utf8');
    const unit = page.slice(page.indexOf('p2.s1'), page.indexOf('p3.s1'));
    expect(unit).toContain('term-forbidden');
    expect(unit).toContain('Palmira');
    expect(page.slice(page.indexOf('p3.s1'))).not.toContain('term-forbidden');
  });
  it('shows no finding without a glossary for a clean file', async () => {
    const file = join(dir.path, 'clean.en.xlf');
    writeFileSync(file, readFileSync(join(repoRoot, 'translations/palmyre.en.xlf'), 'utf8'));
    const result = await runMain(['render', file, '--no-glossary', '--format', 'html', '--quiet'], {
      cwd: dir.path,
    });
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir.path, 'palmyre.review.html'), 'utf8')).not.toMatch(
      /term-forbidden|term-missing/,
    );
  });
});
