/**
 * fast-check arbitraries for whole French news articles and their glossaries, built from the
 * fragments that broke the pipeline on unseen articles: numbers and units with French spaces
 * (U+0020, U+00A0, U+202F), entities at sentence starts and ends and right after a number or
 * punctuation, « » quotes of one or more sentences, elisions and articles, interview markers,
 * headlines of every shape, rubrics, bullet lists, time headers, CRLF and BOM.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

/** A concept the articles may mention; a glossary takes a random subset, each with a random article. */
interface Concept {
  id: string;
  type: 'person' | 'place' | 'organisation' | 'other';
  french: string[];
  /** English forms a glossary may choose from. */
  english: string[];
  /** How the text refers to it: a French form with whatever article or elision precedes it. */
  mentions: string[];
}

// One consistent pool: a French form belongs to one concept, nested names are separate concepts.
const concepts: Concept[] = [
  {
    id: 'france',
    type: 'place',
    french: ['France'],
    english: ['France'],
    mentions: ['la France', 'France', 'en France'],
  },
  {
    id: 'bank-of-france',
    type: 'organisation',
    french: ['Banque de France'],
    english: ['Bank of France'],
    mentions: ['la Banque de France', 'La Banque de France', 'de la Banque de France'],
  },
  {
    id: 'paris',
    type: 'place',
    french: ['Paris'],
    english: ['Paris'],
    mentions: ['Paris', 'à Paris', 'A Paris'],
  },
  {
    id: 'psg',
    type: 'organisation',
    french: ['Paris Saint-Germain', 'PSG'],
    english: ['Paris Saint-Germain', 'PSG'],
    mentions: ['le Paris Saint-Germain', 'Le PSG', 'du PSG'],
  },
  {
    id: 'cgt',
    type: 'organisation',
    french: ['CGT'],
    english: ['CGT', 'General Confederation of Labour'],
    mentions: ['la CGT', 'La CGT', 'de la CGT'],
  },
  {
    id: 'intersyndicale',
    type: 'organisation',
    french: ['intersyndicale'],
    english: ['union coalition', 'inter-union body'],
    mentions: ['l’intersyndicale', 'L’intersyndicale', "l'intersyndicale"],
  },
  {
    id: 'elysee',
    type: 'place',
    french: ['Elysée', 'Élysée'],
    english: ['Elysee Palace', 'Élysée'],
    mentions: ['l’Elysée', 'L’Élysée', 'à l’Elysée'],
  },
  {
    id: 'berthier',
    type: 'person',
    french: ['Jean-Marc Berthier', 'J.-M. Berthier'],
    english: ['Jean-Marc Berthier'],
    mentions: ['M. Jean-Marc Berthier', 'J.-M. Berthier', 'Jean-Marc Berthier'],
  },
  {
    id: 'delorme',
    type: 'person',
    french: ['Ph. Delorme'],
    english: ['Philippe Delorme'],
    mentions: ['M. Ph. Delorme', 'Ph. Delorme'],
  },
  {
    id: 'vasseur',
    type: 'person',
    french: ['Claire Vasseur'],
    english: ['Claire Vasseur'],
    mentions: ['Mme Claire Vasseur', 'le Dr Claire Vasseur', 'Claire Vasseur'],
  },
  {
    id: 'reuters',
    type: 'organisation',
    french: ['Reuters'],
    english: ['Reuters'],
    mentions: ['Reuters', 'selon Reuters'],
  },
  {
    id: 'imf',
    type: 'organisation',
    french: ['FMI', 'Fonds monétaire international'],
    english: ['IMF', 'International Monetary Fund'],
    mentions: ['le FMI', 'Le FMI', 'du Fonds monétaire international'],
  },
  {
    id: 'un',
    type: 'organisation',
    french: ['ONU', 'Nations unies'],
    english: ['United Nations', 'UN'],
    mentions: ['l’ONU', 'L’ONU', 'des Nations unies'],
  },
  {
    id: 'security-council',
    type: 'organisation',
    french: ['Conseil de sécurité des Nations unies'],
    english: ['UN Security Council'],
    mentions: ['le Conseil de sécurité des Nations unies', 'Le Conseil de sécurité des Nations unies'],
  },
  {
    id: 'interior-ministry',
    type: 'organisation',
    french: ['ministère de l’Intérieur'],
    english: ['Interior Ministry'],
    mentions: ['le ministère de l’Intérieur', 'du ministère de l’Intérieur'],
  },
  {
    id: 'eu',
    type: 'organisation',
    french: ['Union européenne', 'UE'],
    english: ['European Union', 'EU'],
    mentions: ['l’Union européenne', 'L’UE', 'de l’Union européenne'],
  },
  {
    id: 'europe',
    type: 'place',
    french: ['Europe'],
    english: ['Europe'],
    mentions: ['l’Europe', 'L’Europe', 'en Europe'],
  },
  {
    id: 'louvre-museum',
    type: 'organisation',
    french: ['musée du Louvre'],
    english: ['Louvre Museum'],
    mentions: ['le musée du Louvre', 'au musée du Louvre'],
  },
  {
    id: 'louvre',
    type: 'organisation',
    french: ['Louvre'],
    english: ['Louvre', 'the Louvre'],
    mentions: ['le Louvre', 'Le Louvre', 'du Louvre'],
  },
  {
    id: 'islamic-state',
    type: 'organisation',
    french: ['Etat islamique'],
    english: ['Islamic State'],
    mentions: ['l’Etat islamique', 'L’État islamique', 'de l’Etat islamique'],
  },
  {
    id: 'insee',
    type: 'organisation',
    french: ['Insee'],
    english: ['INSEE'],
    mentions: ['l’Insee', 'L’Insee', 'selon l’Insee'],
  },
  {
    id: 'delacroix',
    type: 'person',
    french: ['Eugène Delacroix', 'Delacroix'],
    english: ['Eugène Delacroix'],
    mentions: ['Delacroix', 'Eugène Delacroix'],
  },
  {
    id: 'maison-des-vents',
    type: 'other',
    french: ['La Maison des vents'],
    english: ['The House of Winds'],
    mentions: ['« La Maison des vents »', 'La Maison des vents'],
  },
  {
    id: 'matignon',
    type: 'place',
    french: ['Matignon'],
    english: ["the Prime Minister's office"],
    mentions: ['Matignon', 'à Matignon'],
  },
];

const space = fc.constantFrom(' ', '\u00a0', '\u202f');
const digits = fc.integer({ min: 1, max: 999 });

/** A French number or quantity with French spacing: "3,2 %", "10 000", "1,2 milliard d’euros", "21 h 45". */
const quantity = fc.oneof(
  fc.tuple(digits, fc.integer({ min: 0, max: 9 }), space).map(([a, b, s]) => `${a},${b}${s}%`),
  fc.tuple(digits, space).map(([a, s]) => `${a}${s}000`),
  fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 9 }), space)
    .map(([a, b, s]) => `${a},${b}${s}milliard d’euros`),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 10, max: 59 }), space)
    .map(([h, m, s]) => `${h}${s}h${s}${m}`),
  fc
    .tuple(digits, space, fc.constantFrom('km', 'km/h', 'km/s', '°C', 'µg', 't', 'kN'))
    .map(([a, s, u]) => `${a}${s}${u}`),
  fc.tuple(digits, space).map(([a, s]) => `${a}${s}dollars`),
  fc.constantFrom('1er', '2e', 'XXIe siècle', '15e', '3-0', '(28-27)'),
);

// Mentions that start with a preposition ("à Paris", "du PSG") fit after a verb; the others anywhere.
const PREPOSITION = /^(?:à|A|en|de|du|des|au|aux|selon) /u;
// Capitalised articles ("La CGT") come from capitaliseFirst at a sentence start, never mid-sentence.
const CAPITAL_ARTICLE = /^(?:La|Le|Les|L’|L')[\s’']/u;
const nominal = concepts.flatMap((c) =>
  c.mentions.filter((m) => !PREPOSITION.test(m) && !CAPITAL_ARTICLE.test(m)),
);
const prepositional = concepts.flatMap((c) => c.mentions.filter((m) => PREPOSITION.test(m)));
const anyMention = fc.constantFrom(...nominal);
const placeMention = fc.constantFrom(...prepositional);
const capitaliseFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const end = fc.constantFrom('.', '.', ' !', ' ?', '\u202f?', '…');

/** One French sentence, ending in its punctuation. */
const sentence: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(anyMention, quantity, end)
    .map(([m, q, e]) => `${capitaliseFirst(m)} a annoncé une hausse de ${q}${e}`),
  fc.tuple(quantity, anyMention).map(([q, m]) => `Le chiffre atteint ${q}, selon ${m}.`),
  fc.tuple(anyMention, anyMention).map(([a, b]) => `Il a rencontré ${a} avant de rejoindre ${b}.`),
  fc.tuple(anyMention, quantity).map(([m, q]) => `En ${q}, ${m} a réagi.`),
  fc.tuple(anyMention).map(([m]) => `La décision revient désormais à ${m}.`),
  fc.tuple(placeMention, quantity).map(([m, q]) => `Le projet a été présenté ${m} pour ${q}.`),
  fc.tuple(anyMention, quantity).map(([m, q]) => `D’après ${m}, le total dépasse ${q} : un record.`),
);

/** A « » quote of one to three sentences, attributed or not. */
const quote = fc
  .tuple(fc.array(sentence, { minLength: 1, maxLength: 3 }), anyMention, fc.boolean(), space)
  .map(([inner, who, attributed, s]) =>
    attributed ? `«${s}${inner.join(' ')}${s}», a déclaré ${who}.` : `«${s}${inner.join(' ')}${s}»`,
  );

const interview = fc
  .tuple(anyMention, sentence)
  .map(([m, answer]) => [`— Q : ${capitaliseFirst(m)} a-t-elle raison ?`, `— R : ${answer}`]);

const paragraph = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.array(fc.oneof(sentence, quote), { minLength: 1, maxLength: 4 }).map((s) => [s.join(' ')]),
  },
  { weight: 1, arbitrary: interview },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('- ', '• '), fc.array(sentence, { minLength: 2, maxLength: 3 }))
      .map(([bullet, items]) => [items.map((i) => bullet + i).join('\n')]),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 10, max: 59 }), space)
      .map(([h, m, s]) => [`${String(h).padStart(2, '0')}${s}h${s}${m}`]),
  },
);

/** Headlines of every shape: plain, ending in », ! or ?, two sentences, opening with a quote. */
const headline = fc.oneof(
  fc.tuple(anyMention, quantity).map(([m, q]) => `${capitaliseFirst(m)} relève sa prévision à ${q}`),
  fc
    .tuple(anyMention, space)
    .map(([m, s]) => `${capitaliseFirst(m)} promet «${s}une mobilisation historique${s}»`),
  anyMention.map((m) => `${capitaliseFirst(m)} s’envole au sommet !`),
  anyMention.map((m) => `${capitaliseFirst(m)} va-t-il encore monter ?`),
  fc
    .tuple(anyMention, anyMention)
    .map(([a, b]) => `Conseil à ${a}. ${capitaliseFirst(b)} envoie deux frégates`),
  fc.tuple(anyMention, space).map(([m, s]) => `«${s}Je n’y croyais plus${s}»${s}: ${m} triomphe`),
);

export interface GeneratedArticle {
  text: string;
  eol: '\n' | '\r\n';
  bom: boolean;
}

export const article: fc.Arbitrary<GeneratedArticle> = fc
  .record({
    rubric: fc.option(fc.constantFrom('Economie', 'Politique', 'Culture', 'En direct', 'Sport'), {
      nil: undefined,
    }),
    headline,
    dateline: fc.option(fc.constantFrom('PARIS, 5 mars (AFP) - ', 'BREST, 2 novembre - '), {
      nil: undefined,
    }),
    paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 5 }),
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    bom: fc.boolean(),
    gaps: fc.array(fc.constantFrom(1, 1, 1, 2), { minLength: 8, maxLength: 8 }),
    finalNewline: fc.boolean(),
  })
  .map((a) => {
    const body = a.paragraphs.flat();
    if (a.dateline && body[0]) body[0] = a.dateline + body[0];
    const blocks = [...(a.rubric ? [a.rubric] : []), a.headline, ...body];
    const text = blocks.reduce(
      (acc, block, i) => (i === 0 ? block : acc + a.eol.repeat(1 + (a.gaps[i % 8] ?? 1)) + block),
      '',
    );
    const withEnd = (a.finalNewline ? text + a.eol : text).replace(/\n/g, a.eol).replace(/\r\r\n/g, '\r\n');
    return { text: withEnd, eol: a.eol, bom: a.bom };
  });

/** A glossary in the project's YAML format: a random subset of the concepts, at least one. */
export const glossary: fc.Arbitrary<string> = fc
  .uniqueArray(
    fc.record({
      concept: fc.constantFrom(...concepts),
      pick: fc.nat(),
      article: fc.constantFrom('the' as const, 'none' as const),
    }),
    { minLength: 1, maxLength: concepts.length, selector: (e) => e.concept.id },
  )
  .map((chosen) =>
    stringify({
      sourceLang: 'fr',
      targetLang: 'en',
      entries: chosen.map(({ concept, pick, article }) => ({
        id: concept.id,
        type: concept.type,
        french: concept.french,
        english: concept.english[pick % concept.english.length],
        ...(article === 'the' ? { article } : {}),
      })),
    }),
  );

/** The file bytes of a generated article. */
export function articleBytes(a: GeneratedArticle): Buffer {
  return Buffer.from((a.bom ? '\ufeff' : '') + a.text, 'utf8');
}
