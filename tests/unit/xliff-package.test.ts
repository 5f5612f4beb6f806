/**
 * Why src/xliff writes XML itself: the `xliff` npm package (which the issue asked for) cannot
 * write Versio's files losslessly. Each test pins one defect; if one starts failing, the package
 * changed and the hand-written writers may be replaceable.
 */
import { describe, expect, it } from 'vitest';

// The package ships no type declarations; these are the three functions used here.
type Convert = (input: unknown, options?: { indent?: string }) => Promise<string>;
interface XliffPackage {
  jsToXliff12: Convert;
  js2xliff: Convert;
  xliff2js: (xml: string) => Promise<{ resources: unknown }>;
}
const packageName = 'xliff';
const { jsToXliff12, js2xliff, xliff2js } = (await import(packageName)) as XliffPackage;

const resources = {
  'article.fr.txt': { 'p1.s1': { source: 'Vers Palmyre.', target: 'To Palmyra.' } },
};

describe('the xliff package (v6)', () => {
  it('1.2: its default indent puts line breaks inside <source> around inline elements', async () => {
    const xml = await jsToXliff12({
      sourceLanguage: 'fr',
      targetLanguage: 'en',
      resources: { a: { u: { source: ['Vers ', { Marker: { mtype: 'term', contents: 'Palmyre' } }, '.'] } } },
    });
    expect(xml).toMatch(/<source>Vers \n\s+<mrk/);
  });

  it('1.2: it has no way to write state or state-qualifier on <target>', async () => {
    const xml = await jsToXliff12({ sourceLanguage: 'fr', targetLanguage: 'en', resources }, { indent: '' });
    expect(xml).toContain('<target>To Palmyra.</target>');
    expect(xml).not.toContain('state=');
  });

  it('2.0: it reads only the last <segment> of a unit', async () => {
    const js = await xliff2js(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr"><file id="f"><unit id="u"><segment id="a"><source>Un.</source></segment><ignorable><source> </source></ignorable><segment id="b"><source>Deux.</source></segment></unit></file></xliff>',
    );
    expect(js.resources).toEqual({ f: { u: { source: 'Deux.' } } });
  });

  it('2.0: it writes a <mrk> and its text as an XML comment', async () => {
    const xml = await js2xliff(
      {
        sourceLanguage: 'fr',
        targetLanguage: 'en',
        resources: { f: { u: { source: ['Vers ', { Marker: { contents: 'Palmyre' } }, '.'] } } },
      },
      { indent: '' },
    );
    expect(xml).not.toContain('<mrk');
    expect(xml).toMatch(/<!--.*-->/);
  });

  it('2.0: it uses the resource name as <file id>, an NMTOKEN a path with "/" is not', async () => {
    const xml = await js2xliff({
      sourceLanguage: 'fr',
      targetLanguage: 'en',
      resources: { 'source/a.txt': {} },
    });
    expect(xml).toContain('<file id="source/a.txt"');
  });
});
