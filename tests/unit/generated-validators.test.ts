import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatorModule, validators, validatorTypes } from '../../scripts/generate-validators.mjs';

// The committed validators are Ajv's standalone code for the schemas in src/: a schema edited without
// regenerating its validator fails here, not in a user's run.
const STALE = 'stale: run npm run generate:validators';

for (const validator of validators) {
  const output = `src/${validator.output}`;

  describe(output, () => {
    it('is the code Ajv generates from the schema in src/', async () => {
      const schemaModule = new URL(`../../src/${validator.schemaModule}`, import.meta.url).href;
      const schema = (await import(/* @vite-ignore */ schemaModule))[validator.schemaExport];
      expect(readFileSync(output, 'utf8'), STALE).toBe(validatorModule(validator, schema));
    });

    it('has its types beside it', () => {
      expect(readFileSync(output.replace(/\.js$/, '.d.ts'), 'utf8'), STALE).toBe(validatorTypes(validator));
    });
  });
}
