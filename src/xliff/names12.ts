/** XLIFF 1.2 namespace and the Versio values written into it (shared by write12.ts and read12.ts). */
export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2';
/** `<group restype>` for a block kind; XLIFF 1.2 lets tools extend restype with `x-` values. */
export const KIND_RESTYPE_PREFIX = 'x-versio-';
/** `<context context-type>` values (XLIFF 1.2 allows `x-` extensions) for a segment's provenance. */
export const PROVENANCE_CONTEXT = {
  engine: 'x-versio-engine',
  glossaryHash: 'x-versio-glossary-hash',
  billedCharacters: 'x-versio-billed-characters',
} as const;
