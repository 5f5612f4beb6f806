/**
 * Output names for `versio render` from what an XLIFF file says. `original` is whatever the tool
 * that wrote the file put there: a Windows path (`F:\site\a.htm`), a path with `..`, characters
 * Windows refuses in file names. Only its last component is used, made safe for every file system;
 * a language tag that is not a plain BCP 47 tag is not used as a directory name.
 */
import { basename } from 'node:path';

// Windows: < > : " / \ | ? * and control characters are not allowed in names; these names are devices.
const RESERVED_CHARS = /[<>:"/\\|?*\p{Cc}]/gu;
const DEVICE_NAMES = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;

/** The base name to build output names on: `original`'s last component, else the XLIFF file's name. */
export function safeSourceName(original: string, xliffPath: string): string {
  const last = original.split(/[\\/]/).pop() ?? '';
  const cleaned = last.replace(RESERVED_CHARS, '_').replace(/^[. ]+|[. ]+$/g, '');
  if (cleaned !== '' && !DEVICE_NAMES.test(cleaned)) return cleaned;
  return basename(xliffPath).replace(/\.(xlf|xliff|sdlxliff|mxliff)$/i, '') || 'article';
}

/** A BCP 47-shaped tag (letters, digits, hyphens), else `fallback`. */
export function safeLanguage(lang: string, fallback: string): string {
  return /^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$/.test(lang) ? lang : fallback;
}
