import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../src/glossary/types.js';
import { importedKey } from '../../src/memory/import.js';
import { type MemoryKeyParts, memoryKey, termsHash } from '../../src/memory/key.js';

const parts: MemoryKeyParts = {
  source: "L'armée syrienne a repris Palmyre.",
  provider: 'apertium',
  fingerprint: 'apertium:fr-en',
  termsHash: 'abc',
};

function entry(overrides: Partial<GlossaryEntry> = {}): GlossaryEntry {
  return {
    id: 'palmyre',
    type: 'place',
    french: ['Palmyre'],
    english: 'Palmyra',
    forbidden: ['Palmira'],
    policy: 'protect',
    ...overrides,
  };
}

describe('memoryKey', () => {
  it('is a sha256 hex digest, the same for the same parts', () => {
    expect(memoryKey(parts)).toMatch(/^[0-9a-f]{64}$/);
    expect(memoryKey({ ...parts })).toBe(memoryKey(parts));
  });

  it.each(['source', 'provider', 'fingerprint', 'termsHash'] as const)('changes when %s changes', (field) => {
    expect(memoryKey({ ...parts, [field]: `${parts[field]}x` })).not.toBe(memoryKey(parts));
  });

  it('does not confuse text moved from one part to the next', () => {
    const a = memoryKey({ ...parts, source: 'ab', provider: 'c' });
    const b = memoryKey({ ...parts, source: 'a', provider: 'bc' });
    expect(a).not.toBe(b);
  });

  it('never equals an import key for the same text', () => {
    const imported = importedKey({
      source: parts.source,
      target: '',
      sourceLang: '',
      targetLang: '',
      provider: 'apertium',
    });
    expect(imported).not.toBe(memoryKey({ ...parts, fingerprint: '', termsHash: '' }));
  });
});

describe('termsHash', () => {
  it('is empty when no entry touches the segment', () => {
    expect(termsHash([])).toBe('');
  });

  it('does not depend on the order of the entries nor on their line or note', () => {
    const a = entry();
    const b = entry({ id: 'syrie', french: ['Syrie'], english: 'Syria', forbidden: [] });
    expect(termsHash([a, b])).toBe(
      termsHash([
        { ...b, line: 40, note: 'country' },
        { ...a, line: 3 },
      ]),
    );
  });

  it.each<[string, Partial<GlossaryEntry>]>([
    ['the English form', { english: 'Tadmur' }],
    ['a French variant', { french: ['Palmyre', 'Tadmor'] }],
    ['a forbidden variant', { forbidden: [] }],
    ['the policy', { policy: 'provider' }],
    ['case matching', { ignoreCase: true }],
    ['accent matching', { ignoreAccents: true }],
  ])('changes when %s changes', (_name, change) => {
    expect(termsHash([entry(change)])).not.toBe(termsHash([entry()]));
  });
});
