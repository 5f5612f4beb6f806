/**
 * Validates a file with the real xmllint (libxml2-utils), fully offline. Used by the XLIFF tests
 * against the OASIS schemas in tests/schemas.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const SCHEMAS = {
  xliff12Strict: fileURLToPath(new URL('../schemas/xliff-1.2/xliff-core-1.2-strict.xsd', import.meta.url)),
  xliff20: fileURLToPath(new URL('../schemas/xliff-2.0/xliff_2.0_core_and_modules.xsd', import.meta.url)),
  xliff21: fileURLToPath(new URL('../schemas/xliff-2.0/2.1/xliff_2.1_core_and_modules.xsd', import.meta.url)),
  xliff12Transitional: fileURLToPath(
    new URL('../schemas/xliff-1.2/xliff-core-1.2-transitional.xsd', import.meta.url),
  ),
  // Core only: module elements are validated laxly (extension points), as the 2.2 core allows.
  xliff22Core: fileURLToPath(new URL('../schemas/xliff-2.2/xliff_core_2.2.xsd', import.meta.url)),
} as const;

export interface XmllintResult {
  ok: boolean;
  /** xmllint's messages (empty when the file validates). */
  errors: string[];
}

export function xmllint(schema: string, file: string): XmllintResult {
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', schema, file], { encoding: 'utf8' });
  if (run.error) throw run.error;
  const errors = run.stderr.split('\n').filter((line) => line.trim() !== '' && !line.endsWith(' validates'));
  return { ok: run.status === 0, errors };
}

/** Validates an XLIFF file against the schema for its version (2.x with the module schemas). */
export function validateXliff(file: string, version: '1.2' | '2.0' | '2.1'): XmllintResult {
  const schema = { '1.2': SCHEMAS.xliff12Strict, '2.0': SCHEMAS.xliff20, '2.1': SCHEMAS.xliff21 }[version];
  return xmllint(schema, file);
}
