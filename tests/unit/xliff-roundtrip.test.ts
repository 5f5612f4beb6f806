import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/document.js';
import { readXliff } from '../../src/xliff/read.js';
import { writeXliff2 } from '../../src/xliff/write2.js';
import { writeXliff12 } from '../../src/xliff/write12.js';
import { sampleDocument } from '../fixtures/xliff/sample-document.js';

const writers = [
  { version: '1.2', write: writeXliff12 },
  { version: '2.1', write: writeXliff2 },
] as const;

function everyState(): Document {
  const doc = sampleDocument();
  const states = ['initial', 'translated', 'needs-review', 'reviewed', 'final'] as const;
  doc.blocks = [
    {
      id: 'p1',
      kind: 'paragraph',
      after: '\n',
      segments: states.flatMap((state, i) => [
        {
          id: `p1.s${2 * i + 1}`,
          source: `Phrase ${state}.`,
          after: ' ',
          spans: [],
          state,
          notes: [],
          target: `Sentence ${state}.`,
        },
        {
          id: `p1.s${2 * i + 2}`,
          source: `Machine ${state}.`,
          after: i === states.length - 1 ? '' : ' ',
          spans: [],
          state,
          notes: [],
          target: `Engine ${state}.`,
          provenance: { engine: 'apertium' },
        },
      ]),
    },
  ];
  return doc;
}

describe.each(writers)('XLIFF $version round trip', ({ version, write }) => {
  it('gives back an equal document', () => {
    const doc = sampleDocument();
    const read = readXliff(write(doc, { toolVersion: '0.1.0' }), 'out.xlf');
    expect(read.version).toBe(version);
    expect(read.doc).toEqual(doc);
  });

  it('writes the same bytes after reading its own output', () => {
    const first = write(sampleDocument(), { toolVersion: '0.1.0' });
    expect(write(readXliff(first, 'out.xlf').doc, { toolVersion: '0.1.0' })).toBe(first);
  });

  it('keeps every state, with and without a machine engine', () => {
    const doc = everyState();
    expect(readXliff(write(doc), 'out.xlf').doc).toEqual(doc);
  });

  it('locates every segment at its start tag', () => {
    const xml = write(sampleDocument());
    const { locations } = readXliff(xml, 'out.xlf');
    const lines = xml.split('\n');
    const tag = version === '1.2' ? '<trans-unit' : '<segment';
    for (const [id, { line, column }] of locations) {
      expect(lines[line - 1]?.slice(column - 1)).toMatch(
        new RegExp(`^${tag} id="${id.replace('.', '\\.')}"`),
      );
    }
    expect([...locations.keys()]).toEqual(
      sampleDocument().blocks.flatMap((b) => b.segments.map((s) => s.id)),
    );
  });

  it('escapes markup-like text so it stays text', () => {
    const xml = write(sampleDocument());
    expect(xml).toContain('Le code &lt;x id="3"/&gt; &amp; __E3__ ne doivent pas bouger ]]&gt;');
    expect(xml).not.toContain(']]>');
  });
});
