import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { type CheckConfig, defaultCheckConfig } from '../../src/check/config.js';
import type { CheckId } from '../../src/check/finding.js';
import type { Document, Segment, TermSpan } from '../../src/document.js';
import { buildMatcher } from '../../src/glossary/match.js';
import type { Glossary, GlossaryEntry } from '../../src/glossary/types.js';
import { inlineCodesNote } from '../../src/xliff/inline-read.js';

const entry = (
  e: Partial<GlossaryEntry> & Pick<GlossaryEntry, 'id' | 'french' | 'english'>,
): GlossaryEntry => ({
  type: 'place',
  forbidden: [],
  policy: 'protect',
  ...e,
});
const glossary: Glossary = {
  path: '',
  sourceLang: 'fr',
  targetLang: 'en',
  hash: 'test',
  entries: [
    entry({ id: 'palmyra', french: ['Palmyre'], english: 'Palmyra', forbidden: ['Palmira', 'Tadmur'] }),
    entry({
      id: 'shoigu',
      type: 'person',
      french: ['Sergueï Choïgou', 'Choïgou'],
      english: 'Sergei Shoigu',
      forbidden: ['Shoygu'],
    }),
    entry({
      id: 'nusra',
      type: 'organisation',
      french: ['Front Al-Nosra'],
      english: 'al-Nusra Front',
      forbidden: ['Nusra Front'],
    }),
  ],
};
const matcher = buildMatcher(glossary);

function doc(...segments: Partial<Segment>[]): Document {
  return {
    path: 'article.fr.txt',
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
        segments: segments.map((s, i) => ({
          id: `p1.s${i + 1}`,
          source: '',
          after: '',
          spans: [],
          state: 'translated',
          notes: [],
          ...s,
        })),
      },
    ],
  };
}

function only(check: CheckId): CheckConfig {
  const config = defaultCheckConfig();
  for (const rule of Object.values(config.rules)) rule.enabled = false;
  config.rules[check].enabled = true;
  return config;
}

const run = (check: CheckId, ...segments: Partial<Segment>[]) =>
  checkDocument(
    doc(...segments),
    new Map([['p1.s1', { line: 12, column: 9 }]]),
    matcher,
    glossary,
    only(check),
    'tr/a.xlf',
  );

describe('checkDocument', () => {
  describe('term-missing', () => {
    it('passes when the English form is there, possessive included', () => {
      expect(run('term-missing', { source: 'Le musée de Palmyre.', target: "Palmyra's museum." })).toEqual(
        [],
      );
    });
    it('fails when the English form is not there, naming file, unit and term', () => {
      const [finding, ...rest] = run('term-missing', {
        source: 'Les forces sont à Palmyre.',
        target: 'Forces are in Palmira.',
      });
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({
        check: 'term-missing',
        severity: 'error',
        file: 'tr/a.xlf',
        unit: 'p1.s1',
        line: 12,
        column: 9,
        text: 'Palmyra',
        entryId: 'palmyra',
      });
      expect(finding?.message).toMatch(/^p1\.s1: .*"Palmyre".*"Palmyra"/);
    });
    it('uses the XLIFF marks when there is no glossary', () => {
      const span: TermSpan = { start: 17, end: 24, entryId: 'palmyra', target: 'Palmyra', policy: 'protect' };
      const findings = checkDocument(
        doc({ source: 'Les forces sont à Palmyre.', target: 'Forces are in Tadmur.', spans: [span] }),
        new Map(),
        undefined,
        undefined,
        only('term-missing'),
      );
      expect(findings.map((f) => [f.text, f.line, f.file])).toEqual([['Palmyra', 1, 'article.fr.txt']]);
    });
  });

  describe('term-forbidden', () => {
    it('passes when a forbidden variant only appears inside the canonical form', () => {
      expect(
        run('term-forbidden', {
          source: 'Le Front Al-Nosra recule.',
          target: 'The al-Nusra Front retreats.',
        }),
      ).toEqual([]);
    });
    it('fails on a forbidden variant, possessive included', () => {
      const findings = run('term-forbidden', {
        source: 'Le ministre Choïgou.',
        target: "Minister Shoygu's office.",
      });
      expect(findings.map((f) => [f.check, f.text, f.entryId])).toEqual([
        ['term-forbidden', "Shoygu's", 'shoigu'],
      ]);
    });
  });

  describe('untranslated', () => {
    it('passes a translated unit and a one-word heading that is the same in both languages', () => {
      expect(
        run(
          'untranslated',
          { source: 'Bonjour à tous.', target: 'Hello everyone.' },
          { source: 'International', target: 'International' },
        ),
      ).toEqual([]);
    });
    it('passes a copy a reviewer approved', () => {
      expect(
        run('untranslated', {
          source: 'Le Monde diplomatique',
          target: 'Le Monde diplomatique',
          state: 'final',
        }),
      ).toEqual([]);
    });
    it.each([
      ['a missing target', { source: 'Bonjour à tous.' }],
      ['an empty target', { source: 'Bonjour à tous.', target: '  ' }],
      ['a copied source', { source: 'Bonjour à tous.', target: 'Bonjour à tous.' }],
    ])('fails %s', (_rule, segment) => {
      expect(run('untranslated', segment).map((f) => f.check)).toEqual(['untranslated']);
    });
  });

  describe('placeholder', () => {
    it('passes when placeholders and marks come back', () => {
      const span = (start: number, end: number): TermSpan => ({
        start,
        end,
        entryId: 'palmyra',
        target: 'Palmyra',
        policy: 'protect',
      });
      expect(
        run('placeholder', {
          source: 'À Palmyre, __E1__ et __E2__.',
          target: 'In Palmyra, __E2__ and __E1__.',
          spans: [span(2, 9)],
          targetSpans: [span(3, 10)],
        }),
      ).toEqual([]);
    });
    it('fails on a lost placeholder', () => {
      expect(
        run('placeholder', { source: 'Avec __E1__ et __E2__.', target: 'With __E1__ and.' }).map(
          (f) => f.text,
        ),
      ).toEqual(['__E2__']);
    });
    it('fails on a lost XML placeholder', () => {
      expect(run('placeholder', { source: 'Avec <x id="1"/>.', target: 'With.' }).map((f) => f.text)).toEqual(
        ['<x id="1"/>'],
      );
    });
    it('fails when a protected term is marked in the source but not in the target', () => {
      const span: TermSpan = { start: 2, end: 9, entryId: 'palmyra', target: 'Palmyra', policy: 'protect' };
      const findings = run('placeholder', {
        source: 'À Palmyre.',
        target: 'In Palmyra.',
        spans: [span, { ...span, entryId: 'x' }],
        targetSpans: [{ ...span, start: 3, end: 10 }],
      });
      expect(findings.map((f) => f.entryId)).toEqual(['x']);
    });
    it('fails when the source had an inline code the target lost (reader note)', () => {
      const notes = [inlineCodesNote('source', ['x', 'g']), inlineCodesNote('target', ['g'])];
      expect(
        run('placeholder', { source: 'Un texte.', target: 'A text.', notes }).map((f) => f.text),
      ).toEqual(['<x>']);
    });
  });

  describe('number', () => {
    it('passes equal numbers in either convention', () => {
      expect(
        run('number', { source: 'Plus de 10 000 km et 3,5 %.', target: 'More than 10,000 km and 3.5%.' }),
      ).toEqual([]);
    });
    it('ignores digits inside placeholders', () => {
      expect(run('number', { source: 'Avec __E12__.', target: 'With __E12__.' })).toEqual([]);
    });
    it('fails on a changed number', () => {
      expect(
        run('number', { source: 'Il y a 400 localités.', target: 'There are 40 localities.' }).map(
          (f) => f.text,
        ),
      ).toEqual(['400', '40']);
    });
  });

  describe('leftover', () => {
    it('passes English typography', () => {
      expect(run('leftover', { source: '« Oui », dit-il : 5 %.', target: '"Yes," he said: 5%.' })).toEqual(
        [],
      );
    });
    it.each([
      ['guillemets', '« Yes », he said.', '«'],
      ['a no-break space before a colon', 'He said\u00A0: yes.', 'said\u00A0:'],
      ['a space before a percent sign', 'It fell 5 %.', '5 %'],
      ['an unrestored token', 'Forces entered __E3__.', '__E3__'],
      ['an unrestored XML placeholder', 'Forces entered <x id="1"/>.', '<x id="1"/>'],
    ])('fails on %s', (_rule, target, text) => {
      expect(run('leftover', { source: 'Les forces sont entrées.', target }).map((f) => f.text)).toContain(
        text,
      );
    });
  });

  it('applies the configured severity and skips disabled checks', () => {
    const config = defaultCheckConfig();
    config.rules.number.severity = 'warning';
    config.rules.untranslated.enabled = false;
    const findings = checkDocument(
      doc({ source: 'Il y a 400 localités.', target: '' }, { source: '12 morts', target: '13 dead' }),
      new Map(),
      matcher,
      glossary,
      config,
    );
    expect(findings.map((f) => [f.check, f.severity])).toEqual([
      ['number', 'warning'],
      ['number', 'warning'],
    ]);
  });
});
