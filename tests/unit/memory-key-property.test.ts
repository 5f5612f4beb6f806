/**
 * The memory key covers everything that can change a target (issue 13): a fast-check property
 * mutates each such field of a glossary entry touching the segment, and each key part, and
 * the key must change; the fields no stage reads (`note`, `line`) must not change it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../src/glossary/types.js';
import { type MemoryKeyParts, memoryKey, termsHash } from '../../src/memory/key.js';
import { defined } from '../support/defined.js';

const text = fc.string({ minLength: 1, maxLength: 12 });

const entryArb: fc.Arbitrary<GlossaryEntry> = fc.record(
  {
    id: text,
    type: fc.constantFrom('person', 'place', 'organisation', 'other'),
    french: fc.array(text, { minLength: 1, maxLength: 3 }),
    english: text,
    forbidden: fc.array(text, { maxLength: 3 }),
    note: text,
    policy: fc.constantFrom('protect', 'provider'),
    ignoreCase: fc.boolean(),
    ignoreAccents: fc.boolean(),
    article: fc.constantFrom('the', 'none'),
    line: fc.nat(),
  },
  { requiredKeys: ['id', 'type', 'french', 'english', 'forbidden', 'policy'] },
);

/** Each field that matching, protection or restoration reads, and a change of it. */
const mutations: Record<string, (e: GlossaryEntry) => GlossaryEntry> = {
  id: (e) => ({ ...e, id: `${e.id}x` }),
  french: (e) => ({ ...e, french: [...e.french, `${e.french[0]}x`] }),
  'french order': (e) => ({ ...e, french: [`${e.french[0]}y`, ...e.french] }),
  english: (e) => ({ ...e, english: `${e.english}x` }),
  forbidden: (e) => ({ ...e, forbidden: [...e.forbidden, 'x'] }),
  type: (e) => ({ ...e, type: e.type === 'person' ? 'place' : 'person' }),
  policy: (e) => ({ ...e, policy: e.policy === 'protect' ? 'provider' : 'protect' }),
  ignoreCase: (e) => ({ ...e, ignoreCase: !(e.ignoreCase ?? false) }),
  ignoreAccents: (e) => ({ ...e, ignoreAccents: !(e.ignoreAccents ?? false) }),
  article: (e) => ({ ...e, article: (e.article ?? 'none') === 'none' ? 'the' : 'none' }),
};

const partsArb: fc.Arbitrary<MemoryKeyParts> = fc.record({
  source: text,
  provider: fc.constantFrom('apertium', 'deepl', 'pseudo'),
  // The provider's fingerprint carries model, formality and target variant (providers/*.ts).
  fingerprint: text,
  termsHash: fc.constant(''),
});

describe('memory key: every field that changes a target changes the key', () => {
  it.each(Object.keys(mutations))('a glossary entry touching the segment: %s', (field) => {
    const mutate = defined(mutations[field], `the ${field} mutation`);
    fc.assert(
      fc.property(partsArb, fc.array(entryArb, { maxLength: 2 }), entryArb, (parts, others, entry) => {
        const touching = [...others.filter((o) => o.id !== entry.id), entry];
        const changed = [...others.filter((o) => o.id !== entry.id), mutate(entry)];
        const before = memoryKey({ ...parts, termsHash: termsHash(touching) });
        const after = memoryKey({ ...parts, termsHash: termsHash(changed) });
        expect(after).not.toBe(before);
      }),
    );
  });

  it.each(['source', 'provider', 'fingerprint'] as const)('the key part %s', (part) => {
    fc.assert(
      fc.property(partsArb, text, (parts, other) => {
        fc.pre(other !== parts[part]);
        expect(memoryKey({ ...parts, [part]: other })).not.toBe(memoryKey(parts));
      }),
    );
  });

  it('a variant or formality in the fingerprint', () => {
    const base = { source: 'Bonjour.', provider: 'deepl', termsHash: '' };
    const keys = [
      'deepl:en-GB:formality=default',
      'deepl:en-US:formality=default',
      'deepl:en-GB:formality=more',
    ].map((fingerprint) => memoryKey({ ...base, fingerprint }));
    expect(new Set(keys).size).toBe(3);
  });

  it('not note nor line, which reach neither the engine nor the output', () => {
    fc.assert(
      fc.property(entryArb, text, fc.nat(), (entry, note, line) => {
        expect(termsHash([{ ...entry, note, line }])).toBe(termsHash([entry]));
      }),
    );
  });

  it('not an absent article against the default "none" (both drop the French article)', () => {
    fc.assert(
      fc.property(entryArb, (entry) => {
        const { article: _, ...without } = entry;
        expect(termsHash([{ ...without, article: 'none' }])).toBe(termsHash([without]));
      }),
    );
  });
});
