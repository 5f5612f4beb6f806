import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runBin, tempDir } from '../support/cli.js';

/**
 * A glossary built for another article, imported with `versio glossary import`, works the
 * same way with no code change: entities in English, no placeholder left, no segment lost.
 */
const fixtures = join(repoRoot, 'tests/fixtures/glossary');
const expectedForms = [
  'Kyiv',
  'Ukraine',
  'Volodymyr Zelenskyy',
  'NATO',
  'European Union',
  'Kharkiv',
  'Brussels',
  'Moscow',
];

describe.each(['kyiv.glossary.csv', 'kyiv.glossary.tbx'])(
  'another article with a glossary imported from %s',
  (file) => {
    const dir = tempDir();
    afterAll(() => dir.cleanup());
    const run = (args: string[]) => runBin(args, { cwd: dir.path });

    it('imports, translates with Apertium and comes out in English', async () => {
      copyFileSync(join(fixtures, 'kyiv.fr.txt'), join(dir.path, 'kyiv.fr.txt'));
      copyFileSync(join(fixtures, file), join(dir.path, file));
      const imported = await run(['glossary', 'import', file, '-o', 'kyiv.glossary.yaml']);
      expect(imported.stderr).not.toMatch(/versio:/);
      expect(imported.code).toBe(0);
      expect((await run(['glossary', 'validate', 'kyiv.glossary.yaml'])).code).toBe(0);

      const translated = await run([
        'translate',
        'kyiv.fr.txt',
        '--glossary',
        'kyiv.glossary.yaml',
        '--out',
        'out',
      ]);
      expect(translated.code).toBe(0);
      expect(translated.stdout).toMatch(/0 need review/);
      const english = readFileSync(join(dir.path, 'out/kyiv.en.txt'), 'utf8');
      for (const form of expectedForms) expect(english, form).toContain(form);
      expect(english).not.toMatch(/__E\d+__|<x |Kiev|Otan|Bruxelles|Moscou/);
      const bundle = JSON.parse(readFileSync(join(dir.path, 'out/en/kyiv.json'), 'utf8')) as Record<
        string,
        string
      >;
      const segments = (await run(['segment', 'kyiv.fr.txt'])).stdout.trimEnd().split('\n');
      expect(Object.keys(bundle)).toHaveLength(segments.length);
    });
  },
);
