// Generated from glossarySchema (src/glossary/schema.ts) by scripts/generate-validators.mjs. Do not edit: npm run generate:validators
import type { ErrorObject } from 'ajv';

export declare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export default validate;
