/** News post-editing of Apertium's English (rules as data, by family). */
export { postEdit } from './apply.js';
export { postEditFamilies } from './families.js';
export { postEditFingerprint } from './fingerprint.js';
export { accentCapitalA, frenchConventions, uninvertSubjects } from './french.js';
export { protectNames, restoreNames } from './names.js';
export { allFamilies, defaultFamilies, postEditRules, styleFamilies } from './rules.js';
export type { EnglishStyle, PostEditContext, PostEditFamily, PostEditRule } from './types.js';
