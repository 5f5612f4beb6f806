/**
 * Pseudo-translation: accented, bracketed, about a third longer; placeholders, tags,
 * entities and numbers untouched; deterministic.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Provider } from '../../src/providers/provider.js';
import { createPseudo } from '../../src/providers/pseudo.js';

let provider: Provider;
beforeAll(async () => {
  provider = await createPseudo({ sourceLang: 'fr', targetLang: 'en' });
});

async function pseudo(...texts: string[]): Promise<string[]> {
  const batch = texts.map((text, i) => ({ id: `s${i + 1}`, text }));
  return (await provider.translate(batch, new AbortController().signal)).texts;
}

/** The text between the brackets, padding removed. */
function body(result: string): string {
  return result.replace(/^⟦/, '').replace(/ ~+⟧$/, '');
}

describe('pseudo-translation', () => {
  it('wraps the text in ⟦…⟧ and pads it with ~', async () => {
    const [result] = await pseudo('La ville est libre.');
    expect(result).toMatch(/^⟦.+ ~+⟧$/);
  });

  it('replaces every ASCII letter with an accented one', async () => {
    const [result = ''] = await pseudo(
      'The quick brown fox jumps over the lazy dog ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    );
    expect(body(result)).not.toMatch(/[A-Za-z]/);
    expect([...body(result)]).toHaveLength(
      [...'The quick brown fox jumps over the lazy dog ABCDEFGHIJKLMNOPQRSTUVWXYZ'].length,
    );
  });

  it.each([
    ['token placeholders', 'Les forces de __E1__ et __E23__ à __E4__.', ['__E1__', '__E23__', '__E4__']],
    ['XML placeholders and inline tags', 'Voir <x id="3"/> et <b>ceci</b>.', ['<x id="3"/>', '<b>', '</b>']],
    ['entities', 'Tom &amp; Jerry, 5&#160;km, &#x2014;', ['&amp;', '&#160;', '&#x2014;']],
    ['numbers', 'Le 17 mars 2016, 10 000 km et 3,5 %.', ['17', '2016', '10 000', '3,5']],
    ['non-ASCII letters', 'Sergueï Choïgou à Alep', ['ï', 'à']],
  ])('leaves %s intact', async (_name, text, kept) => {
    const [result = ''] = await pseudo(text);
    for (const part of kept) expect(result).toContain(part);
  });

  it('grows a sentence by 30–40%', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 20, maxLength: 400 }).filter((s) => s.trim() !== ''),
        async (text) => {
          const [result = ''] = await pseudo(text);
          const growth = [...result].length / [...text].length;
          expect(growth).toBeGreaterThanOrEqual(1.3);
          expect(growth).toBeLessThanOrEqual(1.4);
        },
      ),
    );
  });

  it('pads even a one-word text', async () => {
    const [result = ''] = await pseudo('Palmyre');
    expect(result).toMatch(/ ~+⟧$/);
  });

  it('leaves an empty or blank text as it is', async () => {
    expect(await pseudo('', '  ')).toEqual(['', '  ']);
  });

  it('gives the same output for the same input, one result per input in order', async () => {
    const texts = ['Un.', 'Deux __E1__.', 'Trois.'];
    const first = await pseudo(...texts);
    expect(await pseudo(...texts)).toEqual(first);
    expect(first.map((t) => t.includes('__E1__'))).toEqual([false, true, false]);
    expect(new Set(first).size).toBe(3);
  });

  it('rejects with an AbortError when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(provider.translate([{ id: 's1', text: 'Un.' }], controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
