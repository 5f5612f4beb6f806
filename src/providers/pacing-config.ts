/**
 * Pacing and retry overrides from the user: the `translate` section of versio.config.json, per
 * engine, then the CLI options on top.
 *   { "translate": { "deepl": { "rate": 3, "concurrency": 2, "retryBudget": 300 } } }
 * Units are the CLI's: rate in requests per second, times in seconds.
 * Schema for editors: src/providers/pacing-config.schema.json.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { PacingOverrides } from './provider.js';

/** The settings as the user writes them (CLI options and config keys share these names). */
export interface PacingSettings {
  concurrency?: number;
  rate?: number;
  retryBudget?: number;
  maxRetryAfter?: number;
  timeout?: number;
}

const KEYS = ['concurrency', 'rate', 'retryBudget', 'maxRetryAfter', 'timeout'] as const;

/** The pacing settings given (command-line options, say), without the ones left unset. */
export function givenSettings(options: PacingSettings): PacingSettings {
  const given: PacingSettings = {};
  for (const key of KEYS) if (options[key] !== undefined) given[key] = options[key];
  return given;
}

/** Settings in user units → overrides in the engine's units. `rate` is per second. */
export function toOverrides(settings: PacingSettings): PacingOverrides {
  const ms = (s: number | undefined) => (s === undefined ? undefined : Math.round(s * 1000));
  const pacing: PacingOverrides['pacing'] = {};
  if (settings.concurrency !== undefined) pacing.concurrency = settings.concurrency;
  if (settings.rate !== undefined) Object.assign(pacing, { rate: settings.rate, windowMs: 1000 });
  const retry: PacingOverrides['retry'] = {};
  const budget = ms(settings.retryBudget);
  const cap = ms(settings.maxRetryAfter);
  const timeout = ms(settings.timeout);
  if (budget !== undefined) retry.budgetMs = budget;
  if (cap !== undefined) retry.maxRetryAfterMs = cap;
  if (timeout !== undefined) retry.timeoutMs = timeout;
  return { pacing, retry };
}

/** Validates `translate.<engine>` of a parsed config file; other sections belong to other commands. */
export function parsePacingSettings(value: unknown, engine: string, where: string): PacingSettings {
  if (!isObject(value)) throw new InputError(`${where}: the config must be a JSON object`);
  const section = value.translate;
  if (section === undefined) return {};
  if (!isObject(section)) throw new InputError(`${where}: "translate" must be an object`);
  const mine = section[engine];
  if (mine === undefined) return {};
  if (!isObject(mine)) throw new InputError(`${where}: "translate.${engine}" must be an object`);
  const settings: PacingSettings = {};
  for (const [key, v] of Object.entries(mine)) {
    if (key === '$comment') continue;
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new InputError(`${where}: unknown key "translate.${engine}.${key}"`, {
        hint: `expected ${KEYS.join(', ')}`,
      });
    }
    const whole = key === 'concurrency';
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v) || (whole && !Number.isInteger(v))) {
      throw new InputError(
        `${where}: "translate.${engine}.${key}" must be a ${whole ? 'positive whole number' : 'positive number'}`,
      );
    }
    settings[key as keyof PacingSettings] = v;
  }
  return settings;
}

/** Reads `file` (relative to `cwd`) when it exists; a missing file means no overrides. */
export async function loadPacingSettings(cwd: string, file: string, engine: string): Promise<PacingSettings> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new InputError(`${file}: cannot read config: ${(error as Error).message}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${file}: invalid JSON: ${(error as Error).message}`, { cause: error });
  }
  return parsePacingSettings(value, engine, file);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
