import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, seedArticle, tempDir } from './cli.js';

/** A second, short article beside the seed: two documents in one run. */
export const secondArticle = [
  'Syrie',
  '',
  'Les combats reprennent près d’Alep',
  '',
  'De violents combats ont repris mardi au nord d’Alep, selon l’armée syrienne. Des renforts sont arrivés de Lattaquié.',
  '',
  'Moscou a appelé au respect du cessez-le-feu.',
].join('\n');

/**
 * A project directory as a user has it: source/palmyre.fr.txt and source/alep.fr.txt, the
 * project's glossary in glossary/, and nothing translated yet.
 */
export function seedProject(): { path: string; cleanup: () => void } {
  const dir = tempDir();
  mkdirSync(join(dir.path, 'source'));
  mkdirSync(join(dir.path, 'glossary'));
  copyFileSync(seedArticle, join(dir.path, 'source/palmyre.fr.txt'));
  writeFileSync(join(dir.path, 'source/alep.fr.txt'), secondArticle);
  copyFileSync(
    join(repoRoot, 'glossary/versio.glossary.yaml'),
    join(dir.path, 'glossary/versio.glossary.yaml'),
  );
  return dir;
}
