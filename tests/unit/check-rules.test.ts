/**
 * The rules a reviewer knows from pofilter, Xbench and CheckMate: each quiet on good human
 * translations (natural differences included) and loud on the broken copy, naming both sides.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { type CheckConfig, defaultCheckConfig } from '../../src/check/config.js';
import type { CheckId } from '../../src/check/finding.js';
import type { Document } from '../../src/document.js';

type Pair = readonly [fr: string, en: string];

function doc(pairs: readonly Pair[], targetLang = 'en'): Document {
  return {
    path: 'a.fr.txt',
    sourceLang: 'fr',
    targetLang,
    before: '',
    eol: '\n',
    bom: false,
    blocks: [
      {
        id: 'p1',
        kind: 'paragraph',
        after: '\n',
        segments: pairs.map(([source, target], i) => ({
          id: `p1.s${i + 1}`,
          source,
          target,
          after: ' ',
          spans: [],
          state: 'translated',
          notes: [],
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

const run = (check: CheckId, ...pairs: Pair[]) =>
  checkDocument(doc(pairs), new Map(), undefined, undefined, only(check), 'a.xlf');

const CASES: Record<string, { good: Pair[]; bad: Pair[] }> = {
  'doubled-word': {
    good: [
      ['Il a dit que cela suffisait.', 'He said that that was enough.'],
      ['Elle en avait assez.', 'She had had enough.'],
      ['Ils ont visité Bora Bora.', 'They visited Bora Bora.'],
      ['Le vote a eu lieu.', 'The vote took place.'],
    ],
    bad: [
      ['Le vote a eu lieu.', 'The the vote took place.'],
      ['La fin du mois.', 'The end of of the month.'],
      ['Le sort du gouvernement.', 'The fate of the government government’s plan.'],
      ['Il a eu un accident.', 'He has had had an accident.'],
    ],
  },
  whitespace: {
    good: [
      ['Il a dit\u00A0: oui.', 'He said: yes.'],
      ['Deux  espaces.', 'Two  spaces.'],
    ],
    bad: [
      ['Il a dit oui.', 'He said  yes.'],
      ['Il a dit oui.', ' He said yes.'],
      ['Il a dit oui.', 'He said yes. '],
    ],
  },
  'end-punctuation': {
    good: [
      ['« Non », a-t-il dit.', '“No,” he said.'],
      ['Il a répondu : « Non ».', 'He replied: “No.”'],
      ['Pourquoi ?', 'Why?'],
      ['Et ensuite...', 'And then…'],
      ['Fin de la grève à la SNCF', 'SNCF strike ends'],
      ['Il a déclaré :', 'He said:'],
    ],
    bad: [
      ['Il est parti.', 'He left'],
      ['Pourquoi ?', 'Why.'],
      ['Il a répondu : « Non ».', 'He replied: “No.'],
      ['Fin de la grève', 'Strike ends.'],
    ],
  },
  brackets: {
    good: [
      ['Le rapport (publié hier) est clair.', 'The report (published yesterday) is clear.'],
      ['« Nous partons,', '“We are leaving,'],
      ['Il a dit « non ».', 'He said "no".'],
      ['Le mot « ok » et le rapport.', 'The word ‘OK’ and the report.'],
    ],
    bad: [
      ['Le rapport (publié hier) est clair.', 'The report (published yesterday is clear.'],
      ['Le rapport est clair.', 'The report) is clear.'],
      ['Il a dit « non ».', 'He said “no.'],
      ['Il a dit « non ».', 'He said "no.'],
    ],
  },
  length: {
    good: [
      [
        'Le prix du gazole a atteint 1,89 euro le litre en moyenne la semaine dernière.',
        'Diesel averaged €1.89 a litre last week.',
      ],
      [
        'Les négociations reprendront lundi à Bruxelles, ont annoncé les deux parties.',
        'Negotiations will resume in Brussels on Monday, the two sides announced.',
      ],
      ['Trois questions sur la réforme', 'Three questions on the reform'],
    ],
    bad: [
      [
        'Les négociations reprendront lundi à Bruxelles, ont annoncé les deux parties.',
        'Negotiations will resume.',
      ],
      ['Trois questions sur la réforme des retraites', 'Three questions about the'],
      [
        'Les négociations reprendront lundi à Bruxelles, ont annoncé les deux parties.',
        'Negotiations will resume in Brussels on Monday, the two sides announced. Negotiations will resume in Brussels on Monday, the two sides announced.',
      ],
    ],
  },
  urls: {
    good: [
      ['Voir www.service-public.fr.', 'See www.service-public.fr.'],
      ['Écrivez à presse@ville.fr ou suivez @lemondefr.', 'Write to presse@ville.fr or follow @lemondefr.'],
      ['Le mot-dièse #MeToo.', 'The hashtag #metoo.'],
      ['Lien : HTTPS://Example.com/a.', 'Link: https://example.com/a'],
    ],
    bad: [
      ['Voir www.service-public.fr.', 'See www.service-publik.fr.'],
      ['Écrivez à presse@ville.fr.', 'Write to press@ville.fr.'],
      ['Le mot-dièse #JeSuisCharlie.', 'The hashtag #JeSuisCharly.'],
      ['Voir le site.', 'See lemonde.fr.'],
    ],
  },
  'start-capital': {
    good: [
      ['« Nous partons », dit-il.', '“We are leaving,” he said.'],
      ['2024 a été une année record.', 'last year was a record.'],
      ['L’iPhone 16 sort.', 'iPhone 16 comes out.'],
      ['Bachar al-Assad a parlé.', 'al-Assad spoke.'],
      ['— Oui, dit-elle.', '— Yes, she said.'],
    ],
    bad: [
      ['La police a arrêté 43 personnes.', 'police arrested 43 people.'],
      ['« Nous partons », dit-il.', '“we are leaving,” he said.'],
      ['La SNCF en grève.', 'sNCF on strike.'],
    ],
  },
};

describe.each(Object.entries(CASES))('%s', (check, { good, bad }) => {
  it.each(good)('quiet on a good translation: %s → %s', (fr, en) => {
    expect(run(check as CheckId, [fr, en])).toEqual([]);
  });
  it.each(bad)('reports the broken one: %s → %s', (fr, en) => {
    const findings = run(check as CheckId, [fr, en]);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f).toMatchObject({ check, unit: 'p1.s1', file: 'a.xlf' });
      expect(f.message).toMatch(/^p1\.s1: .*"/);
    }
  });
});

describe('inconsistency', () => {
  it('reports the same source translated two ways, on the later unit, naming the first', () => {
    const findings = run(
      'inconsistency',
      ['Le gouvernement a démissionné.', 'The government resigned.'],
      ['Le gouvernement a démissionné.', 'The government has resigned.'],
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'inconsistency', unit: 'p1.s2', severity: 'warning' });
    expect(findings[0]?.message).toContain('p1.s1');
    expect(findings[0]?.message).toContain('"The government resigned."');
    expect(findings[0]?.message).toContain('"The government has resigned."');
  });

  it('reports one target for two different sources', () => {
    const findings = run(
      'inconsistency',
      ['Le gouvernement a démissionné hier.', 'The government resigned on Monday.'],
      ['Le gouvernement a démissionné lundi.', 'The government resigned on Monday.'],
    );
    expect(findings.map((f) => f.unit)).toEqual(['p1.s2']);
  });

  it('is quiet on repeats translated the same, on short sources and on typographic variants', () => {
    expect(
      run(
        'inconsistency',
        ['Le gouvernement a démissionné.', 'The government resigned.'],
        ['Le gouvernement a démissionné.', 'The government resigned.'],
        ['Oui.', 'Yes.'],
        ['Oui.', 'Indeed.'],
        ['« C’est fini », dit-il.', '“It’s over,” he said.'],
        ['« C’est fini », dit-il.', '"It\'s over," he said.'],
        ['Il est mort.', 'He died.'],
        ['Il est décédé.', 'He died.'],
      ),
    ).toEqual([]);
  });
});

describe('rule settings', () => {
  it('every new rule can be switched off and has a default severity', () => {
    const config = defaultCheckConfig();
    for (const id of [
      'doubled-word',
      'whitespace',
      'end-punctuation',
      'brackets',
      'length',
      'urls',
      'inconsistency',
      'start-capital',
    ] as const) {
      config.rules[id].enabled = false;
    }
    const broken = doc([['Le vote a eu lieu (hier).', '  the the vote took place (yesterday see www.x.fr']]);
    const ids = checkDocument(broken, new Map(), undefined, undefined, config, 'a.xlf').map((f) => f.check);
    expect(
      ids.filter(
        (id) =>
          !['number', 'leftover', 'untranslated', 'placeholder', 'term-missing', 'term-forbidden'].includes(
            id,
          ),
      ),
    ).toEqual([]);
  });
});
