/** XLIFF 1.2 and 2.1 writing, and reading of 1.2/2.0/2.1, to and from the document model. */
export type { XliffWriteOptions } from './options.js';
export { readXliff } from './read.js';
export type { SegmentLocation, XliffReadResult } from './read-model.js';
export { writeXliff2 } from './write2.js';
export { writeXliff12 } from './write12.js';
