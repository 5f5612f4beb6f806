import { access } from 'node:fs/promises';
import { resolve } from 'node:path';

/** The project's glossary, used when no `--glossary` is given and the file exists. */
export const DEFAULT_GLOSSARY = 'glossary/versio.glossary.yaml';

/**
 * The glossary a command should use: `false` for none (`--no-glossary`), the given path, or
 * the project default when it exists under `cwd`.
 */
export async function glossaryPathFor(
  option: string | false | undefined,
  cwd: string,
): Promise<string | undefined> {
  if (option === false) return undefined;
  if (option !== undefined) return option;
  const exists = await access(resolve(cwd, DEFAULT_GLOSSARY)).then(
    () => true,
    () => false,
  );
  return exists ? DEFAULT_GLOSSARY : undefined;
}
