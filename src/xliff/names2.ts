/** XLIFF 2 namespaces and the Versio values written into them (shared by write2.ts and read2.ts). */
export const XLIFF2_NS = 'urn:oasis:names:tc:xliff:document:2.0';
/** XLIFF 2.2 core (read only; Versio writes 2.1). */
export const XLIFF22_NS = 'urn:oasis:names:tc:xliff:document:2.2';
export const MDA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';
export const GLS_NS = 'urn:oasis:names:tc:xliff:glossary:2.0';
export const MTC_NS = 'urn:oasis:names:tc:xliff:matches:2.0';
/**
 * Our extension namespace. XLIFF 2 core and module schemas accept other-namespace attributes with
 * processContents="lax", so these validate without a schema of their own.
 */
export const VERSIO_NS = 'urn:x-versio:xliff:1';

/** `<unit type>` (an XLIFF 2 user-defined `prefix:value`) for a block kind. */
export const KIND_TYPE_PREFIX = 'versio:';
/** `<mda:metaGroup category>` values. */
export const LAYOUT_CATEGORY = 'versio:layout';
export const PROVENANCE_CATEGORY = 'versio:provenance';
/** `<mtc:match subType>` marking the engine's own output (XLIFF 2 Translation Candidates module). */
export const ENGINE_OUTPUT_SUBTYPE = 'versio:engine-output';
/** Fragment-identifier prefix of the Glossary module (XLIFF 2 Appendix on fragment identification). */
export const GLS_PREFIX = 'gls';
