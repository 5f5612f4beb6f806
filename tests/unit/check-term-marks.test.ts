/**
 * `versio check` (placeholder rule) notices a term mark that does not cover its English form —
 * what an XLIFF written with stale spans looked like (issue 12 point 2).
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { defaultCheckConfig } from '../../src/check/config.js';
import type { Document, TermSpan } from '../../src/document.js';

const reuters = (start: number, end: number, target = 'Reuters'): TermSpan => ({
  start,
  end,
  entryId: 'reuters',
  target,
  policy: 'protect',
});

function findings(target: string, targetSpans: TermSpan[]) {
  const source = 'Selon Reuters.';
  const doc: Document = {
    path: 'a.fr.txt',
    sourceLang: 'fr',
    targetLang: 'en',
    before: '',
    eol: '\n',
    bom: false,
    blocks: [
      {
        id: 'p1',
        kind: 'paragraph',
        after: '\n',
        segments: [
          {
            id: 'p1.s1',
            source,
            after: '',
            spans: [reuters(6, 13)],
            target,
            targetSpans,
            state: 'translated',
            notes: [],
          },
        ],
      },
    ],
  };
  const config = defaultCheckConfig();
  for (const [id, rule] of Object.entries(config.rules)) rule.enabled = id === 'placeholder';
  return checkDocument(doc, new Map(), undefined, undefined, config, 'a.en.xlf');
}

describe('placeholder: term marks', () => {
  it('passes a mark on its form', () => {
    expect(findings('According to Reuters.', [reuters(13, 20)])).toEqual([]);
  });
  it('fails a mark shifted off its form, naming the entry and both texts', () => {
    const [finding, ...rest] = findings('According to Reuters.', [reuters(14, 21)]);
    expect(rest).toEqual([]);
    expect(finding?.message).toContain(
      'term mark of entry reuters covers "euters.", not its English form "Reuters"',
    );
    expect(finding?.entryId).toBe('reuters');
  });
  it('leaves alone a mark from another tool, which names no English form', () => {
    expect(findings('According to Reuters.', [reuters(0, 9, '')])).toEqual([]);
  });
});
