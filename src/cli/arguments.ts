/**
 * Option-argument parsers the commands share. An InvalidArgumentError is reported by commander as
 * a usage error, naming the option; an InputError reaches cli/main.ts like any bad input. Both exit 2.
 */
import { InvalidArgumentError } from 'commander';
import { InputError } from '../errors.js';
import { FORMALITIES, type Formality, isFormality } from '../providers/provider.js';

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError('expected a number, 0 or more');
  return n;
}

/** `--formality`: one of DeepL's values, refused by name otherwise (a typo would reach DeepL as a 400). */
export function formality(value: string): Formality {
  if (isFormality(value)) return value;
  throw new InputError(`--formality ${value}: expected one of ${FORMALITIES.join(', ')}`);
}
