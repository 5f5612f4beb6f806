/**
 * The Apertium provider on real Apertium (fr-es, then spa-eng): the seed article in one
 * call, placeholders through both legs, characters the stream format reserves, unknown words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApertium } from '../../src/providers/apertium.js';
import type { Provider } from '../../src/providers/provider.js';
import { asSources, seedSentences } from '../support/apertium-article.js';
import { occurrences } from '../support/contract-inputs.js';

let provider: Provider;
const signal = () => new AbortController().signal;

beforeAll(async () => {
  provider = await createApertium({ sourceLang: 'fr', targetLang: 'en', jobs: 1 });
});
afterAll(async () => {
  await provider?.close();
});

async function translate(texts: readonly string[]): Promise<string[]> {
  return (await provider.translate(asSources(texts), signal())).texts;
}

describe('the seed article in one call', () => {
  const sentences = seedSentences();

  it('answers each of its 14 sentences with a non-empty English text free of unknown-word marks', async () => {
    expect(sentences).toHaveLength(14);
    const texts = await translate(sentences);
    expect(texts).toHaveLength(14);
    for (const [i, text] of texts.entries()) {
      expect(text.trim(), `sentence ${i + 1}`).not.toBe('');
      expect(text, `sentence ${i + 1}`).not.toMatch(/[*#@]/);
    }
    // A headline word such as "International" may read the same in both languages.
    const unchanged = texts.filter((text, i) => text === sentences[i]);
    expect(unchanged.length).toBeLessThan(3);
  });

  it('keeps each sentence in its place: the numbers of sentence i are in result i', async () => {
    const texts = await translate(sentences);
    const withNumbers = sentences.map((s, i) => ({ i, numbers: s.match(/\d+/g) ?? [] }));
    expect(withNumbers.filter((s) => s.numbers.length > 0).length).toBeGreaterThan(3);
    for (const { i, numbers } of withNumbers) {
      for (const number of numbers) expect(texts[i], `sentence ${i + 1}`).toContain(number);
    }
  });
});

describe('placeholders survive both legs unchanged', () => {
  const cases = [
    ['several in one sentence', 'Les forces de __E1__ et de __E2__ ont rejoint __E3__ près de __E4__.'],
    ['at the start', '__E1__ a déclaré aux journalistes que la ville était bloquée.'],
    ['at the end', 'Le président a rencontré __E12__'],
    ['next to punctuation', 'Selon __E1__, la ville (__E2__) est «__E3__» ; __E4__ !'],
    ['after elided articles', "L'armée de l'__E1__ s'approche d'__E2__ et de l'__E3__."],
    ['alone', '__E7__'],
  ] as const;

  it.each(cases)('%s', async (_name, text) => {
    const [result = ''] = await translate([text]);
    const marks = text.match(/__E\d+__/g) ?? [];
    for (const mark of marks) expect(occurrences(result, mark), `${mark} in "${result}"`).toBe(1);
    expect(result.match(/__E\d+__/g)).toHaveLength(marks.length);
  });
});

describe('characters the Apertium stream format reserves round-trip', () => {
  const cases = [
    [
      'markup-like text',
      'Si a < b et c > d, la règle <b> & le « ]]> » restent.',
      ['<', '>', '&', ']]>', '<b>'],
    ],
    [
      'brackets and escapes',
      'Le prix [estimé] est de 5 $ ou 4 ^ 2 {au} plus, voir a/b et c\\d.',
      ['[', ']', '$', '^', '{', '}', '/', '\\'],
    ],
    [
      'marks of unknown words used as text',
      'Écrivez à contact@exemple.fr, #Palmyre ou *urgent* ~ fin.',
      ['@', '#', '*', '~'],
    ],
  ] as const;

  it.each(cases)('%s', async (_name, text, chars) => {
    const [result = ''] = await translate([text]);
    for (const c of chars) {
      expect(occurrences(result, c), `"${c}" in "${result}"`).toBe(occurrences(text, c));
    }
  });

  it('drops a NUL byte instead of splitting the segment', async () => {
    const texts = await translate(['La ville\0 est libre.', 'Les troupes sont parties.']);
    expect(texts).toHaveLength(2);
    expect(texts[0]).not.toContain('\0');
  });
});

describe('unknown words', () => {
  it('come back without `*`, `#` or `@` marks', async () => {
    const [result = ''] = await translate(['Le zorglub frobnique les gloubiboulgas de Kheimim.']);
    expect(result).not.toMatch(/[*#@]/);
    expect(result).toContain('zorglub');
    expect(result).toContain('Kheimim');
  });
});
