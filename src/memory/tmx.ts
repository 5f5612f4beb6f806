/** TMX 1.4b export and import of the translation memory (pure: strings in, strings out). */
export { fromTmx, type TmxFile, type TmxUnit } from './tmx-read.js';
export { type TmxOptions, toTmx } from './tmx-write.js';
