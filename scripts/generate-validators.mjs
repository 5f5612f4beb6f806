#!/usr/bin/env node
/**
 * Writes Ajv's standalone code (https://ajv.js.org/standalone.html) for the JSON Schemas Versio checks
 * on every run, so no run imports Ajv or compiles a schema: compiling the glossary's took ~90 ms of
 * every `versio translate`. After editing a schema:
 *   npm run generate:validators     (builds first: the schemas are read from dist/)
 * tests/unit/generated-validators.test.ts regenerates each module from src/ and fails if the file differs.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

/**
 * Each generated module (a path under src/), the schema it checks (module under src/ and export) and
 * the Ajv options it is compiled with: the ones that shape the errors the caller turns into messages.
 */
export const validators = [
  {
    output: 'glossary/schema-validator.generated.js',
    schemaModule: 'glossary/schema.js',
    schemaExport: 'glossarySchema',
    options: { allErrors: true },
  },
];

function header({ schemaModule, schemaExport }) {
  const source = `${schemaExport} (src/${schemaModule.replace(/\.js$/, '.ts')})`;
  return `// Generated from ${source} by scripts/generate-validators.mjs. Do not edit: npm run generate:validators\n`;
}

/** The ES module that validates `schema`, as `new Ajv(validator.options).compile(schema)` would. */
export function validatorModule(validator, schema) {
  const ajv = new Ajv({ ...validator.options, code: { source: true, esm: true, lines: true } });
  const code = standaloneCode(ajv, ajv.compile(schema));
  // Ajv's standalone code reaches some keywords' helpers (ucs2length for minLength, equal for
  // uniqueItems, …) with require(), which an ES module does not have; Ajv is a dev dependency.
  if (code.includes('require(')) throw new Error("the generated validator needs Ajv's runtime (require)");
  return `${header(validator)}${code}\n`;
}

/** Its types, for tsc: the call and the errors of the last call (null when it passed). */
export function validatorTypes(validator) {
  return `${header(validator)}import type { ErrorObject } from 'ajv';

export declare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export default validate;
`;
}

async function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  for (const validator of validators) {
    const schemaModule = await import(pathToFileURL(join(root, 'dist', validator.schemaModule)).href);
    const schema = schemaModule[validator.schemaExport];
    const output = join(root, 'src', validator.output);
    writeFileSync(output, validatorModule(validator, schema));
    writeFileSync(output.replace(/\.js$/, '.d.ts'), validatorTypes(validator));
    console.log(`src/${validator.output}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
