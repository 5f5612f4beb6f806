/** Reads versio.config.json (or --config) and returns its `check` section, validated. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { describeFsError } from '../io/fs-error.js';
import { type CheckConfig, defaultCheckConfig, parseCheckConfig } from './config.js';

export const CONFIG_FILE = 'versio.config.json';

/**
 * `explicit` (from --config) must exist; without it, versio.config.json in `cwd` is read when present
 * and the defaults apply when it is not.
 */
export async function loadCheckConfig(cwd: string, explicit?: string): Promise<CheckConfig> {
  const shown = explicit ?? CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(resolve(cwd, shown), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (explicit === undefined && code === 'ENOENT') return defaultCheckConfig();
    throw new InputError(`${shown}: cannot read config: ${describeFsError(error, 'read')}`, { cause: error });
  }
  text = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${shown}${jsonErrorPlace(text, error)}: invalid JSON: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return parseCheckConfig(value, shown);
}

/** `:line:column` from V8's "… at position N" message, or '' when it gives none. */
function jsonErrorPlace(text: string, error: unknown): string {
  const match = /position (\d+)/.exec(String((error as Error).message));
  if (!match) return '';
  const before = text.slice(0, Number(match[1]));
  const lines = before.split('\n');
  return `:${lines.length}:${(lines[lines.length - 1]?.length ?? 0) + 1}`;
}
