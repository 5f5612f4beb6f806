import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { documentSource } from '../../src/document.js';
import { readXliff } from '../../src/xliff/read.js';
import { writeXliff12 } from '../../src/xliff/write12.js';
import { smallDocument } from '../fixtures/xliff/small-document.js';
import { defined } from '../support/defined.js';
import { SCHEMAS, xmllint } from '../support/xmllint.js';

/** The Python that has Translate Toolkit (Debian's python3-translate lives under /usr/bin/python3). */
function toolkitPython(): string {
  for (const python of ['python3', '/usr/bin/python3']) {
    if (spawnSync(python, ['-c', 'import translate.storage.xliff']).status === 0) return python;
  }
  throw new Error(
    'Translate Toolkit is not installed (Debian: translate-toolkit); scripts/setup.sh installs it',
  );
}

describe('a Versio XLIFF 1.2 file reviewed with Translate Toolkit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'versio-xliff-tt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const before = join(dir, 'article.xlf');
  const after = join(dir, 'article.reviewed.xlf');
  writeFileSync(before, writeXliff12(smallDocument(), { toolVersion: '0.1.0' }));
  const script = fileURLToPath(new URL('../fixtures/xliff/translate-toolkit-review.py', import.meta.url));
  const run = spawnSync(toolkitPython(), [script, before, after], { encoding: 'utf8' });

  it('is written back by the toolkit', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('still validates as XLIFF 1.2 strict', () => {
    expect(xmllint(SCHEMAS.xliff12Strict, after)).toEqual({ ok: true, errors: [] });
  });

  it('reads back with the layout, the reviewer’s edits and the engine’s output', () => {
    const { doc } = readXliff(readFileSync(after, 'utf8'), after);
    const headline = defined(doc.blocks[0]?.segments[0], 'the headline');
    const [first, second] = doc.blocks[1]?.segments ?? [];
    expect(documentSource(doc)).toBe(documentSource(smallDocument()));
    expect(headline).toMatchObject({
      target: 'Palmyra retaken',
      state: 'reviewed',
      provenance: { engine: 'apertium' },
    });
    expect(headline.targetSpans).toEqual(smallDocument().blocks[0]?.segments[0]?.targetSpans);
    expect(first).toMatchObject({ target: 'The first sentence.', state: 'reviewed' });
    expect(first?.provenance).toEqual({ engine: 'apertium', machineTarget: 'First sentence.' });
    // Translate Toolkit marks a unit approved="yes" when it gives it its first target.
    expect(second).toMatchObject({ target: 'Second sentence.', state: 'reviewed' });
    expect(second?.provenance).toBeUndefined();
  });
});
