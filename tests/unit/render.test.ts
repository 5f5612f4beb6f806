import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/document.js';
import { parseArticle } from '../../src/read/article.js';
import { renderArticle } from '../../src/render/article.js';
import { toResources } from '../../src/render/resources.js';

function translated(text: string, translate: (source: string) => string): Document {
  const doc = parseArticle(text, 'a.fr.txt');
  for (const block of doc.blocks) for (const s of block.segments) s.target = translate(s.source);
  return doc;
}

describe('renderArticle', () => {
  it('keeps the exact block layout, blank lines and line endings in the text output', () => {
    const source = 'Monde\r\n\r\nTitre du jour\r\n\r\n\r\nUne phrase. Deux phrases.\r\n';
    const doc = translated(source, (s) => s.toUpperCase());
    const { txt } = renderArticle(doc, toResources(doc));
    expect(txt).toBe('MONDE\r\n\r\nTITRE DU JOUR\r\n\r\n\r\nUNE PHRASE. DEUX PHRASES.\r\n');
  });
  it('writes the BOM back when the source had one', () => {
    const doc = translated('Une phrase.', () => 'A sentence.');
    doc.bom = true;
    expect(renderArticle(doc, toResources(doc)).txt).toBe('\ufeffA sentence.');
  });
  it('renders through t(): the bundle, not the model, decides the text', () => {
    const doc = translated('Une phrase.', () => 'A sentence.');
    expect(renderArticle(doc, { 'p1.s1': 'Reviewed sentence.' }).txt).toBe('Reviewed sentence.');
  });
  it('does not interpolate or nest i18next syntax found in prose', () => {
    const doc = translated('Une phrase.', () => 'Use {{name}} and $t(p1.s1) as written.');
    expect(renderArticle(doc, toResources(doc)).txt).toBe('Use {{name}} and $t(p1.s1) as written.');
  });
  it('renders Markdown with the headline as a title and the rubric as a kicker', () => {
    const doc = translated('Monde\n\nLe titre\n\nUne phrase. *Deux*.', (s) => s);
    expect(renderArticle(doc, toResources(doc)).md).toBe(
      '*Monde*\n\n# Le titre\n\nUne phrase. \\*Deux\\*.\n',
    );
  });
  it('falls back to the source for a segment without target', () => {
    const doc = parseArticle('Une phrase.', 'a.fr.txt');
    expect(toResources(doc)).toEqual({ 'p1.s1': 'Une phrase.' });
  });
});
