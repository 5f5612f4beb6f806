/** Types of generate-validators.mjs, for the test that keeps the generated validators current. */
export interface Validator {
  /** The generated module, under src/. */
  output: string;
  /** The module under src/ (named .js, as imports name it) and the export that hold the schema. */
  schemaModule: string;
  schemaExport: string;
  /** Ajv options the validator is compiled with. */
  options: Record<string, unknown>;
}

export declare const validators: Validator[];
export declare function validatorModule(validator: Validator, schema: object): string;
export declare function validatorTypes(validator: Validator): string;
