import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentSource } from '../../src/document.js';
import { readXliff } from '../../src/xliff/read.js';
import { writeXliff12 } from '../../src/xliff/write12.js';
import { smallDocument } from '../fixtures/xliff/small-document.js';
import { defined } from '../support/defined.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/xliff/${name}`, import.meta.url), 'utf8');

describe('a Versio XLIFF 1.2 file rewritten by a CAT tool', () => {
  const { doc } = readXliff(fixture('cat-rewritten-12.xlf'), 'cat-rewritten-12.xlf');
  const segment = (id: string) =>
    defined(
      doc.blocks.flatMap((b) => b.segments).find((s) => s.id === id),
      `segment ${id}`,
    );

  it('still rebuilds the article exactly from the skeleton', () => {
    expect(documentSource(doc)).toBe(documentSource(smallDocument()));
    expect(doc.blocks.map((b) => b.kind)).toEqual(['headline', 'paragraph']);
  });

  it('reads approved="yes" with state="final" as final, and signed-off as reviewed', () => {
    expect(segment('p1.s1').state).toBe('final');
    expect(segment('p2.s1').state).toBe('reviewed');
  });

  it('tells the reviewer’s target from the engine’s', () => {
    expect(segment('p1.s1').target).toBe('Palmyra recaptured');
    expect(segment('p1.s1').provenance).toEqual({ engine: 'apertium', machineTarget: 'Palmyra retaken' });
  });

  it('keeps term marks and their glossary entry', () => {
    expect(segment('p1.s1').targetSpans).toEqual([
      { start: 0, end: 7, entryId: 'palmyre', target: 'Palmyra', policy: 'protect' },
    ]);
  });

  it('keeps the reviewer’s note and skips the notes Versio generates', () => {
    expect(segment('p1.s1').notes).toEqual(['“recaptured” reads better than “retaken”.']);
  });

  it('keeps the text inside inline codes and says the codes were flattened', () => {
    expect(segment('p2.s1').target).toBe('First sentence.');
    expect(segment('p2.s1').notes).toEqual([
      'Versio: the target had inline codes (<g>, <x>) that were flattened to plain text; check formatting.',
    ]);
  });

  it('reads a unit without a target as initial', () => {
    expect(segment('p2.s2').state).toBe('initial');
    expect(segment('p2.s2').target).toBeUndefined();
  });

  it('writes back a file that reads the same', () => {
    expect(readXliff(writeXliff12(doc), 'again.xlf').doc).toEqual(doc);
  });
});

describe('an XLIFF 1.2 file from another tool', () => {
  const { version, doc, locations } = readXliff(fixture('foreign-12.xlf'), 'foreign-12.xlf');
  const segments = doc.blocks.flatMap((b) => b.segments);

  it('reads languages, path and one block per group or ungrouped unit', () => {
    expect(version).toBe('1.2');
    expect(doc).toMatchObject({ path: 'news.txt', sourceLang: 'fr-FR', targetLang: 'en-GB' });
    expect(doc.blocks.map((b) => b.segments.map((s) => s.id))).toEqual([['1'], ['2', '3']]);
  });

  it('maps needs-review-* to needs-review, needs-translation to initial, no state to translated', () => {
    expect(segments.map((s) => s.state)).toEqual(['needs-review', 'initial', 'translated']);
  });

  it('leaves native code out of the text, records the codes in a note and by id', () => {
    // XLIFF 1.2: the content of <bpt>/<ept>/<ph>/<it> is the original format's code, not text.
    expect(segments[2]?.source).toBe('Le vent souffle.');
    expect(locations.get('3')?.codes?.source).toEqual([
      { kind: 'bpt', id: '1', offset: 3 },
      { kind: 'ept', id: '1', offset: 7 },
    ]);
    expect(segments[2]?.notes).toEqual([
      'From the TM.',
      'Versio: the source had inline codes (<bpt>, <ept>) that were flattened to plain text; check formatting.',
      'Versio: the target had inline codes (<bpt>, <ept>) that were flattened to plain text; check formatting.',
    ]);
  });

  it('ignores other tools’ alt-trans as provenance', () => {
    expect(segments[2]?.provenance).toBeUndefined();
  });

  it('gives the default layout: blank line between blocks, space between sentences', () => {
    expect(documentSource(doc)).toBe('Bonjour  !\n\nIl pleut. Le vent souffle.\n');
  });

  it('locates units written by others', () => {
    expect(locations.get('3')).toMatchObject({ line: 14, column: 9, file: 'news.txt', unit: '3' });
  });
});

describe('an XLIFF 2.0 file from another tool', () => {
  const { version, doc } = readXliff(fixture('foreign-20.xlf'), 'foreign-20.xlf');
  const [first, second] = doc.blocks[0]?.segments ?? [];

  it('numbers segments without ids after their unit', () => {
    expect(version).toBe('2.0');
    expect(doc.blocks[0]?.segments.map((s) => s.id)).toEqual(['u1.s1', 'u1.s2']);
  });

  it('reads state, ignorables, term marks, pc text and cp characters', () => {
    expect(first).toMatchObject({
      state: 'reviewed',
      source: 'Un mot et Palmyre',
      target: 'A word and Palmyra',
      after: ' ',
    });
    expect(first?.spans).toEqual([
      { start: 10, end: 17, entryId: 'palmyre', target: '', policy: 'provider' },
    ]);
    expect(second).toMatchObject({ state: 'initial', source: 'Un caractère \u0007 de contrôle.' });
  });

  it('attaches unit notes to the first segment, then the inline-code notes', () => {
    expect(first?.notes).toEqual([
      'Title of the piece.',
      'Versio: the source had inline codes (<pc>, <ph>) that were flattened to plain text; check formatting.',
      'Versio: the target had inline codes (<pc>, <ph>) that were flattened to plain text; check formatting.',
    ]);
  });
});

describe('a Versio provenance whose engine output a tool dropped', () => {
  const file = (target: string) => `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.fr.txt" source-language="fr" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="p1.s1">
        <source>Il pleut.</source>
        <target state="translated">${target}</target>
        <context-group purpose="information"><context context-type="x-versio-engine">apertium</context></context-group>
      </trans-unit>
    </body>
  </file>
</xliff>
`;
  const read = (target: string) =>
    defined(readXliff(file(target), 'a.en.xlf').doc.blocks[0]?.segments[0], 'the segment');

  it('makes no machine claim for a non-empty target: nothing proves it is still the engine’s', () => {
    expect(read('It is raining.').provenance).toBeUndefined();
  });
  it('keeps the engine for an empty target (there is no work to protect)', () => {
    expect(read('').provenance).toEqual({ engine: 'apertium' });
  });
});
