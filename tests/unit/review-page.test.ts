import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Finding } from '../../src/check/finding.js';
import type { Document, Segment, TermSpan } from '../../src/document.js';
import { segmentsOf } from '../../src/document.js';
import type { Glossary } from '../../src/glossary/types.js';
import { parseArticle } from '../../src/read/article.js';
import {
  markTerms,
  REVIEW_PAGE_CSP,
  type ReviewFinding,
  renderReviewPage,
  STATE_LABELS,
} from '../../src/render/review-page.js';
import { defined } from '../support/defined.js';

const ARTICLE = 'International\n\nLa Russie à Palmyre\n\nLa Russie frappe. Palmyre est libre.\n';

function translatedDoc(): Document {
  const doc = parseArticle(ARTICLE, 'source/a.fr.txt');
  for (const s of segmentsOf(doc)) {
    s.target = `EN ${s.source}`;
    s.state = 'translated';
  }
  return doc;
}

function segment(doc: Document, id: string): Segment {
  const found = segmentsOf(doc).find((s) => s.id === id);
  if (!found) throw new Error(`no segment ${id}`);
  return found;
}

/** The HTML of one segment's <article>. */
function articleOf(html: string, id: string): string {
  const start = html.indexOf(`data-segment="${id}"`);
  expect(start, `segment ${id} is on the page`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</article>', start));
}

const span = (start: number, end: number, entryId: string, target: string): TermSpan => ({
  start,
  end,
  entryId,
  target,
  policy: 'protect',
});

const glossary: Glossary = {
  path: 'g.yaml',
  sourceLang: 'fr',
  targetLang: 'en',
  hash: 'x',
  entries: [
    {
      id: 'russia',
      type: 'place',
      french: ['Russie'],
      english: 'Russia',
      forbidden: [],
      note: 'No article in English',
      policy: 'protect',
    },
  ],
};

describe('renderReviewPage', () => {
  it('is one self-contained HTML5 file that may load nothing', () => {
    const html = renderReviewPage(translatedDoc());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REVIEW_PAGE_CSP}">`);
    expect(REVIEW_PAGE_CSP).toMatch(/^default-src 'none';/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    for (const fetcher of ['<script', '<link', '<img', '<iframe', ' src=', 'href=', 'url(', '@import']) {
      expect(html, fetcher).not.toContain(fetcher);
    }
  });

  it('shows every segment with its source and target side by side, grouped per block with its kind', () => {
    const doc = translatedDoc();
    const html = renderReviewPage(doc);
    for (const block of doc.blocks) {
      expect(html).toContain(`<h2>${block.id} <span class="kind">${block.kind}</span></h2>`);
    }
    for (const s of segmentsOf(doc)) {
      const article = articleOf(html, s.id);
      expect(article).toContain(`<p class="text" lang="fr">${s.source}</p>`);
      expect(article).toContain(`<p class="text" lang="en">${s.target}</p>`);
    }
  });

  it('escapes markup, ampersands and quotes wherever text goes', () => {
    const doc = translatedDoc();
    const s = segment(doc, 'p3.s1');
    s.source = 'Tom & "Jerry" <script>alert(1)</script>';
    s.target = "It's <b>bold</b> & done";
    s.notes = ['<i>note</i>'];
    doc.path = 'a"<b>.txt';
    const html = renderReviewPage(doc, {
      title: '<Title & "quotes">',
      findings: [{ check: 'number', severity: 'error', unit: 'p3.s1', message: 'Missing <10 000>' }],
    });
    expect(html).not.toMatch(/<script|<b>|<i>|<10 000>|<Title/);
    expect(html).toContain('Tom &amp; &quot;Jerry&quot; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('It&#39;s &lt;b&gt;bold&lt;/b&gt; &amp; done');
    expect(html).toContain('&lt;i&gt;note&lt;/i&gt;');
    expect(html).toContain('<title>&lt;Title &amp; &quot;quotes&quot;&gt;</title>');
  });

  it('labels every state in words as well as colour, with a legend', () => {
    const doc = translatedDoc();
    const states = ['initial', 'translated', 'needs-review', 'reviewed'] as const;
    states.forEach((state, i) => {
      defined(segmentsOf(doc)[i], `segment ${i + 1}`).state = state;
    });
    const html = renderReviewPage(doc);
    for (const label of Object.values(STATE_LABELS))
      expect(html).toContain(`<span class="badge">${label}</span>`);
    states.forEach((state, i) => {
      const s = defined(segmentsOf(doc)[i], `segment ${i + 1}`);
      expect(articleOf(html, s.id)).toContain(`>${STATE_LABELS[state]}</span>`);
      expect(articleOf(html, s.id)).toContain(`data-state="${state}"`);
    });
  });

  it('highlights glossary terms in source and target with their entry', () => {
    const doc = translatedDoc();
    const s = segment(doc, 'p3.s1');
    s.source = 'La Russie frappe.';
    s.target = 'Russia strikes.';
    s.spans = [span(3, 9, 'russia', 'Russia')];
    s.targetSpans = [span(0, 6, 'russia', 'Russia')];
    const html = renderReviewPage(doc, { glossary });
    const article = articleOf(html, 'p3.s1');
    const mark =
      '<mark class="term" data-entry="russia" title="Glossary term russia: Russia (place). No article in English" aria-describedby="term-russia">';
    expect(article).toContain(`La ${mark}Russie</mark> frappe.`);
    expect(article).toContain(`${mark}Russia</mark> strikes.`);
    expect(html).toContain(
      '<tr id="term-russia"><td><code>russia</code></td><td>Russia</td><td>place</td><td>No article in English</td></tr>',
    );
  });

  it('describes a term by its span when no glossary is given', () => {
    const doc = translatedDoc();
    segment(doc, 'p2.s1').spans = [span(3, 9, 'russia', 'Russia')];
    expect(renderReviewPage(doc)).toContain('title="Glossary term russia: Russia"');
  });

  it('takes `versio check` findings as they are', () => {
    expectTypeOf<Finding>().toExtend<ReviewFinding>();
  });

  it('puts findings under their segment, block findings under the block, the rest in the header', () => {
    const html = renderReviewPage(translatedDoc(), {
      findings: [
        { check: 'term-missing', severity: 'error', unit: 'p3.s2', message: 'Palmyra is missing' },
        { check: 'leftover', severity: 'warning', unit: 'p2', message: 'block finding' },
        { check: 'untranslated', severity: 'warning', unit: 'p9.s9', message: 'unknown unit' },
      ],
    });
    expect(articleOf(html, 'p3.s2')).toContain('Palmyra is missing');
    expect(articleOf(html, 'p3.s1')).not.toContain('Palmyra is missing');
    const block2 = html.slice(html.indexOf('id="block-p2"'), html.indexOf('data-segment="p2.s1"'));
    expect(block2).toContain('block finding');
    const header = html.slice(0, html.indexOf('</header>'));
    expect(header).toContain('<code>p9.s9</code> unknown unit');
    expect(header).toContain('<strong>3</strong> findings (1 error, 2 warnings)');
  });

  it('shows notes, the engine output a reviewer replaced, and a missing target', () => {
    const doc = translatedDoc();
    const s = segment(doc, 'p3.s1');
    s.notes = ['Previous reviewed target: X'];
    s.provenance = { engine: 'apertium', machineTarget: 'Machine words' };
    delete segment(doc, 'p3.s2').target;
    const html = renderReviewPage(doc);
    expect(articleOf(html, 'p3.s1')).toContain('<strong>Note:</strong> Previous reviewed target: X');
    expect(articleOf(html, 'p3.s1')).toContain('Machine words');
    expect(articleOf(html, 'p3.s1')).toContain('from apertium');
    expect(articleOf(html, 'p3.s2')).toContain('(no target)');
  });

  it('counts segments and states at the top', () => {
    const doc = translatedDoc();
    segment(doc, 'p1.s1').state = 'reviewed';
    const [header] = renderReviewPage(doc).split('</header>');
    const total = segmentsOf(doc).length;
    expect(header).toContain(
      `<strong>${total}</strong> segments in <strong>${doc.blocks.length}</strong> blocks`,
    );
    expect(header).toContain(`<strong>${total - 1}</strong> translated`);
    expect(header).toContain('<strong>1</strong> reviewed');
  });

  it('is deterministic and changes only when the translation does', () => {
    const doc = translatedDoc();
    const first = renderReviewPage(doc);
    expect(renderReviewPage(translatedDoc())).toBe(first);
    segment(doc, 'p2.s1').target = 'Another headline';
    expect(renderReviewPage(doc)).not.toBe(first);
  });
});

describe('markTerms', () => {
  const open = (s: TermSpan) => `<m ${s.entryId}>`;
  it('nests spans inside one another', () => {
    expect(markTerms('Etat islamique', [span(0, 14, 'ei', 'IS'), span(0, 4, 'etat', 'State')], open)).toBe(
      '<m ei><m etat>Etat</mark> islamique</mark>',
    );
  });
  it('leaves a crossing or out-of-range span unmarked rather than breaking the markup', () => {
    expect(markTerms('abcdef', [span(0, 4, 'a', ''), span(2, 6, 'b', ''), span(3, 99, 'c', '')], open)).toBe(
      '<m a>abcd</mark>ef',
    );
  });
  it('escapes the text between marks', () => {
    expect(markTerms('a<b & c', [span(4, 5, 'amp', '')], open)).toBe('a&lt;b <m amp>&amp;</mark> c');
  });
});
