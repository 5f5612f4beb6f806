/** Report formats of `versio check`, apart from the reporters so `--help` lists them without loading any. */
export const FORMATS = ['text', 'json', 'junit', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];
