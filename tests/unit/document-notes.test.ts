import { describe, expect, it } from 'vitest';
import type { Segment } from '../../src/document.js';
import { engineLabel, readEngineLabel, readNotes, reviewerNotes } from '../../src/document-notes.js';

type Flags = Pick<Segment, 'notes' | 'problems' | 'reviewedBeforeSourceChange'>;

describe('reviewer notes: typed flags written as notes, read back once', () => {
  it.each<[string, Flags, string[]]>([
    ['no flags: the file’s own notes only', { notes: ['a person’s note'] }, ['a person’s note']],
    [
      'post-check problems after the file’s notes',
      { notes: ['own'], problems: ['glossary term "Palmyra" missing from the translation'] },
      ['own', 'post-check: glossary term "Palmyra" missing from the translation'],
    ],
    [
      'a source change before the post-check',
      {
        notes: [],
        problems: ['placeholder __E1__ left in the translation'],
        reviewedBeforeSourceChange: 'Old.',
      },
      [
        'source changed since review; previous reviewed target: Old.',
        'post-check: placeholder __E1__ left in the translation',
      ],
    ],
  ])('%s', (_name, flags, notes) => {
    expect(reviewerNotes(flags)).toEqual(notes);
    expect(readNotes(notes)).toEqual(flags);
  });

  it('leaves flags a person wrote a note after where they are, so the file is written back as it was', () => {
    const notes = ['post-check: glossary term "Palmyra" missing from the translation', 'fixed: Palmyra'];
    expect(readNotes(notes)).toEqual({ notes });
    expect(reviewerNotes(readNotes(notes))).toEqual(notes);
  });
});

describe('engine label', () => {
  it.each<[string, Segment['provenance'] & object]>([
    ['deepl', { engine: 'deepl' }],
    ['memory:human', { engine: 'human', fromMemory: true }],
    ['memory:tmx', { engine: 'tmx', fromMemory: true }],
    ['human', { engine: 'human' }],
  ])('%s', (label, provenance) => {
    expect(readEngineLabel(label)).toEqual(provenance);
    expect(engineLabel(provenance)).toBe(label);
  });
});
