/**
 * Inputs of the provider contract suite, written in each provider's placeholder style.
 * Every text carries a number of its own: engines pass numbers through, so a result
 * shows which input it answers without depending on the engine's wording.
 */
import type { PlaceholderStyle, SourceText } from '../../src/providers/provider.js';

export function placeholder(style: PlaceholderStyle, n: number): string {
  return style === 'token' ? `__E${n}__` : `<x id="${n}"/>`;
}

export interface ContractInput extends SourceText {
  /** The number the text carries, expected back in its result. */
  number: string;
  placeholders: string[];
}

function input(id: string, number: string, placeholders: string[], text: string): ContractInput {
  return { id, text, number, placeholders };
}

/** Sentences with zero to three placeholders, at the start, middle and end. */
export function contractBatch(style: PlaceholderStyle): ContractInput[] {
  const p = (n: number) => placeholder(style, n);
  return [
    input('c1', '14', [], 'La décision a été prise le 14 mars.'),
    input('c2', '17', [p(1), p(2)], `Les forces de ${p(1)} sont entrées dans ${p(2)} le 17 mars.`),
    input('c3', '400', [p(3)], `${p(3)} a déclaré que 400 localités ont été libérées.`),
    input('c4', '2016', [p(4), p(5), p(6)], `En 2016, il a rencontré ${p(4)}, ${p(5)} et ${p(6)}`),
  ];
}

/** `count` batches of two texts each; batch k carries numbers no other batch has. */
export function concurrentBatches(style: PlaceholderStyle, count: number): ContractInput[][] {
  return Array.from({ length: count }, (_, k) => {
    // Three digits: no thousands separator for an engine to add.
    const a = String(101 + k * 20);
    const b = String(102 + k * 20);
    const mark = placeholder(style, 10 + k);
    return [
      input(`b${k}-1`, a, [], `Il y a ${a} soldats dans la ville.`),
      input(`b${k}-2`, b, [mark], `${mark} a envoyé ${b} avions.`),
    ];
  });
}

/** How many times `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
