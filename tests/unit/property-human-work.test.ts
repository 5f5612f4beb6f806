/**
 * Human work survives a write → read → merge whatever state the file gives it (README "What
 * counts as human work"), in XLIFF 1.2 and 2.1, with and without the recorded engine output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SegmentState, segmentsOf } from '../../src/document.js';
import { mergeReviewed } from '../../src/pipeline/merge.js';
import { parseArticle } from '../../src/read/article.js';
import { readXliff } from '../../src/xliff/read.js';
import { writeXliff2 } from '../../src/xliff/write2.js';
import { writeXliff12 } from '../../src/xliff/write12.js';
import { defined } from '../support/defined.js';

const ARTICLE =
  'Economie\n\nLa Banque relève sa prévision\n\nLe FMI a suivi. Les marchés ont salué la décision. Le dollar a cédé.\n\nLa BCE se tait.\n';
const SEGMENTS = segmentsOf(parseArticle(ARTICLE, 'a.fr.txt')).length;
const STATES: SegmentState[] = ['initial', 'translated', 'needs-review', 'reviewed', 'final'];
const current = { engine: 'apertium', glossaryHash: 'g1' };

const edits = fc.array(fc.record({ edited: fc.boolean(), state: fc.constantFrom(...STATES) }), {
  minLength: SEGMENTS,
  maxLength: SEGMENTS,
});

describe.each([
  ['1.2', writeXliff12, /\s*<alt-trans[^>]*>[\s\S]*?<\/alt-trans>/g],
  ['2.1', writeXliff2, /\s*<mtc:matches>[\s\S]*?<\/mtc:matches>/g],
] as const)('XLIFF %s', (_version, write, engineOutput) => {
  it.each([
    ['with the engine output recorded', false],
    ['after a tool dropped the engine output', true],
  ])('keeps every edited, approved or unprovable target, %s', (_name, dropEngineOutput) => {
    fc.assert(
      fc.property(edits, (plan) => {
        const previous = parseArticle(ARTICLE, 'a.fr.txt');
        segmentsOf(previous).forEach((s, i) => {
          const { edited, state } = defined(plan[i], `the plan of segment ${i + 1}`);
          s.target = edited ? `Human ${i}` : `MT ${i}`;
          s.state = state;
          s.provenance = {
            engine: 'apertium',
            glossaryHash: 'g1',
            ...(edited ? { machineTarget: `MT ${i}` } : {}),
          };
        });
        let xml = write(previous);
        if (dropEngineOutput) xml = xml.replace(engineOutput, '');
        const read = readXliff(xml, 'a.en.xlf').doc;
        const doc = parseArticle(ARTICLE, 'a.fr.txt');
        const result = mergeReviewed(doc, read, current);

        let human = 0;
        segmentsOf(doc).forEach((s, i) => {
          const { edited, state } = defined(plan[i], `the plan of segment ${i + 1}`);
          const isHuman = edited || state === 'reviewed' || state === 'final' || dropEngineOutput;
          if (isHuman) {
            human += 1;
            expect(s.target, `segment ${i}`).toBe(edited ? `Human ${i}` : `MT ${i}`);
            expect(s.state, `segment ${i}`).not.toBe('initial');
          } else if (state === 'translated') {
            expect(s.target, `segment ${i}: reused machine output`).toBe(`MT ${i}`);
          } else {
            expect(s.target, `segment ${i}: machine output to redo`).toBeUndefined();
          }
        });
        expect(result.keptFromReview).toBe(human);
      }),
      { numRuns: 60 },
    );
  });
});
