import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentsOf } from '../../src/document.js';
import { parseArticle } from '../../src/read/article.js';
import { rebuildOutputs } from '../../src/review/rebuild.js';
import { defined } from '../support/defined.js';

const SOURCE = 'Monde\n\nUne phrase. Deux phrases.\n';

function doc() {
  const d = parseArticle(SOURCE, 'articles/jour.fr.txt');
  for (const s of segmentsOf(d)) {
    s.target = s.source.toUpperCase();
    s.state = 'reviewed';
  }
  return d;
}

describe('rebuildOutputs (versio render)', () => {
  it('writes each requested format next to the XLIFF, named after the original article', () => {
    const { files } = rebuildOutputs(doc(), join('out', 'jour.en.xlf'), {
      formats: ['txt', 'md', 'json', 'html'],
    });
    expect(files.map(([path]) => path)).toEqual([
      join('out', 'jour.en.txt'),
      join('out', 'jour.en.md'),
      join('out', 'en', 'jour.json'),
      join('out', 'jour.review.html'),
    ]);
    expect(files[0]?.[1]).toBe('MONDE\n\nUNE PHRASE. DEUX PHRASES.\n');
    expect(JSON.parse(defined(files[2], 'the JSON output')[1])).toEqual({
      'p1.s1': 'MONDE',
      'p2.s1': 'UNE PHRASE.',
      'p2.s2': 'DEUX PHRASES.',
    });
    expect(files[3]?.[1]).toContain('data-segment="p2.s2"');
  });

  it('writes only the formats asked for, into --out', () => {
    const { files } = rebuildOutputs(doc(), 'jour.en.xlf', { formats: ['md'], outDir: 'site' });
    expect(files.map(([path]) => path)).toEqual([join('site', 'jour.en.md')]);
  });

  it('renders the source for a segment without target (missing or empty) and names it', () => {
    const d = doc();
    const [, second, third] = segmentsOf(d);
    delete defined(second, 'segment 2').target;
    defined(third, 'segment 3').target = '';
    const { files, untranslated } = rebuildOutputs(d, 'jour.en.xlf', { formats: ['txt'] });
    expect(untranslated).toEqual(['p2.s1', 'p2.s2']);
    expect(files[0]?.[1]).toBe('MONDE\n\nUne phrase. Deux phrases.\n');
  });
});
