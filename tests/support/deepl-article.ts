import type { SourceText } from '../../src/providers/provider.js';

/** A short French news article, one sentence per entry (14), for DeepL provider tests. */
export const ARTICLE_FR: readonly string[] = [
  'Le conseil municipal de Lyon a voté mardi soir le budget de la rentrée.',
  "La séance, ouverte à 18 heures, s'est prolongée jusqu'à minuit.",
  'Le maire a défendu une hausse de 4 % des crédits consacrés aux écoles.',
  "L'opposition a dénoncé « un budget de façade » et réclamé un audit.",
  'Trois amendements ont été rejetés à une courte majorité.',
  'Les associations de parents d’élèves saluent un premier pas.',
  'Elles demandent toutefois la rénovation rapide de deux cantines.',
  'Le chantier de la ligne de tramway T10 reste le principal sujet de tension.',
  'Les travaux doivent débuter au printemps, selon la métropole.',
  'Les commerçants du quartier craignent une baisse de leur chiffre d’affaires.',
  'Une réunion publique est prévue le 12 octobre à la mairie du 7e arrondissement.',
  'Le préfet du Rhône a rappelé les règles de sécurité applicables aux chantiers.',
  'Le budget sera soumis au contrôle de légalité dans les quinze jours.',
  'Le prochain conseil se tiendra le 4 novembre.',
];

/** SourceTexts with ids `p1.s<n>`, each sentence's neighbours as context and its place in the article, as the pipeline sends them. */
export function sourceTexts(sentences: readonly string[], prefix = 'p1.s'): SourceText[] {
  return sentences.map((text, i) => ({
    id: `${prefix}${i + 1}`,
    text,
    context: [sentences[i - 1], sentences[i + 1]].filter((s) => s !== undefined).join(' '),
    article: { sentences, index: i },
  }));
}
