/** News post-editing of Apertium's English (rules as data, by family). */
export { postEdit } from './apply.js';
export { postEditFamilies } from './families.js';
export { allFamilies, defaultFamilies, postEditRules } from './rules.js';
export type { PostEditFamily, PostEditRule } from './types.js';
