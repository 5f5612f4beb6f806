/**
 * The `xliff` package (i18next's XLIFF library, the most used XLIFF reader in JavaScript)
 * reads our 1.2 files: the groups, every unit, and the same source and target text with term
 * markers as `Marker` objects. It cannot write them losslessly (tests/unit/xliff-package.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentsOf } from '../../src/document.js';
import { readXliff } from '../../src/xliff/read.js';
import { repoRoot } from '../support/cli.js';
import { defined } from '../support/defined.js';

type Inline = string | { Marker: { mtype: string; comment?: string; contents: Inline | Inline[] } };
interface Unit {
  source: Inline | Inline[];
  target?: Inline | Inline[];
}
interface XliffPackage {
  xliff12ToJs: (
    xml: string,
  ) => Promise<{ resources: Record<string, Record<string, { groupUnits: Record<string, Unit> }>> }>;
}
const packageName = 'xliff';
const { xliff12ToJs } = (await import(packageName)) as XliffPackage;

const flatten = (value: Inline | Inline[] | undefined): string =>
  value === undefined
    ? ''
    : Array.isArray(value)
      ? value.map(flatten).join('')
      : typeof value === 'string'
        ? value
        : flatten(value.Marker.contents);

const markers = (value: Inline | Inline[] | undefined): string[] =>
  Array.isArray(value)
    ? value.flatMap(markers)
    : typeof value === 'object'
      ? [value.Marker.comment ?? '']
      : [];

describe('the xliff package reads the committed seed XLIFF 1.2', async () => {
  const path = join(repoRoot, 'translations/palmyre.en.xlf');
  const xml = readFileSync(path, 'utf8');
  const ours = readXliff(xml, path).doc;
  const theirs = (await xliff12ToJs(xml)).resources[ours.path] ?? {};

  it('finds one group per block', () => {
    expect(Object.keys(theirs)).toEqual(ours.blocks.map((b) => b.id));
  });
  it('finds every unit with the same source and target text, but for whitespace', () => {
    const words = (text: string | undefined) => text?.replace(/\s+/g, '');
    for (const block of ours.blocks) {
      const units = theirs[block.id]?.groupUnits ?? {};
      expect(Object.keys(units)).toEqual(block.segments.map((s) => s.id));
      for (const segment of block.segments) {
        expect(words(flatten(units[segment.id]?.source))).toBe(words(segment.source));
        expect(words(flatten(units[segment.id]?.target))).toBe(words(segment.target));
      }
    }
  });
  it('loses the space between two adjacent term markers (xml-js drops whitespace-only text nodes)', () => {
    // "de la Défense Sergueï Choïgou": two glossary hits separated by one space.
    const segment = defined(
      segmentsOf(ours).find((s) => s.source.includes('Défense Sergueï')),
      'the segment with "Défense Sergueï"',
    );
    const block = defined(
      ours.blocks.find((b) => b.segments.includes(segment)),
      'its block',
    );
    expect(flatten(theirs[block.id]?.groupUnits[segment.id]?.source)).toContain('DéfenseSergueï');
  });
  it('sees every glossary hit as a term marker naming its entry', () => {
    const expected = segmentsOf(ours).flatMap((s) => s.spans.map((span) => span.entryId));
    const seen = ours.blocks.flatMap((b) =>
      b.segments.flatMap((s) => markers(theirs[b.id]?.groupUnits[s.id]?.source)),
    );
    expect(seen.length).toBe(expected.length);
    expect(seen.length).toBeGreaterThan(0);
  });
});
