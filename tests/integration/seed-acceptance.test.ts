import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/glossary/load.js';
import { repoRoot, runMain, tempDir } from '../support/cli.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The committed translation of the seed article: what reviewers and CI see. */
const committed = join(repoRoot, 'translations/palmyre.en.xlf');
const glossary = join(repoRoot, 'glossary/versio.glossary.yaml');
const dir = tempDir();
afterAll(() => dir.cleanup());

const check = (file: string) => runMain(['check', file, '--glossary', glossary], { cwd: dir.path });

describe('versio check on the committed seed translation', () => {
  it('exits 0', async () => {
    const result = await check(committed);
    expect(result.stdout + result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
  });

  it('exits 1 and names the unit when one target says "Palmira"', async () => {
    const xml = readFileSync(committed, 'utf8');
    let unit = '';
    const edited = xml.replace(/<trans-unit id="([^"]+)"[\s\S]*?<\/trans-unit>/g, (whole, id: string) => {
      if (unit !== '' || !/<target[^>]*>[\s\S]*Palmyra[\s\S]*<\/target>/.test(whole)) return whole;
      unit = id;
      return whole.replace(/(<target[^>]*>[\s\S]*?)Palmyra/, '$1Palmira');
    });
    expect(unit).not.toBe('');
    const file = join(dir.path, 'palmira.xlf');
    writeFileSync(file, edited);
    const result = await check(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(unit);
    expect(result.stdout).toMatch(/Palmira/);
  });
});

describe('the committed seed XLIFF', () => {
  const xml = readFileSync(committed, 'utf8');
  const source = readFileSync(join(repoRoot, 'source/palmyre.fr.txt'), 'utf8');
  const blocks = source.split(/\n\s*\n/).filter((b) => b.trim() !== '');
  const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

  it('has one group per block whose trans-unit sources join back into the block', () => {
    const groups = [...xml.matchAll(/<group\b[\s\S]*?<\/group>/g)].map((g) =>
      [...g[0].matchAll(/<source>([\s\S]*?)<\/source>/g)].map(([, text = '']) =>
        text.replace(/<[^>]+>/g, ''),
      ),
    );
    expect(groups).toHaveLength(blocks.length);
    groups.forEach((sources, i) => {
      expect(normalise(sources.join(' ')).replace(/&amp;/g, '&')).toBe(normalise(blocks[i] ?? ''));
    });
  });
  it('puts every sentence in exactly one trans-unit', () => {
    const ids = [...xml.matchAll(/<trans-unit id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(14);
    expect(new Set(ids).size).toBe(14);
  });
});

describe('the committed seed translation', () => {
  const english = readFileSync(join(repoRoot, 'translations/palmyre.en.txt'), 'utf8');
  const source = readFileSync(join(repoRoot, 'source/palmyre.fr.txt'), 'utf8');

  it('has the source layout: same lines, same blank lines', () => {
    const layout = (t: string) => t.split('\n').map((l) => l.trim() === '');
    expect(layout(english)).toEqual(layout(source));
  });
  it.each([
    'Palmyra',
    'Syria',
    'Russia',
    'Islamic State',
    'Al-Nusra Front',
    'Sergei Rudskoy',
    'Sergei Shoigu',
    'Vladimir Putin',
    'Moscow',
    'Aleppo',
    'Latakia',
    'Tartus',
  ])('names %s in its English form', (name) => {
    expect(english).toContain(name);
  });
  it('contains none of the forbidden variants of the glossary', async () => {
    const { entries } = await loadGlossary(glossary);
    const variants = entries.flatMap((e) => e.forbidden);
    expect(variants.length).toBeGreaterThan(5);
    for (const variant of variants) {
      expect(english, variant).not.toMatch(
        new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(variant)}(?![\\p{L}\\p{N}])`, 'u'),
      );
    }
  });
  it('has no placeholder or French quotation mark left', () => {
    expect(english).not.toMatch(/__E\d+__|[«»]/);
  });
});
