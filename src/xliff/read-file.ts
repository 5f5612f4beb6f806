/**
 * Reading an XLIFF file from disk for check, diff and render: bytes decoded as XML says (XML 1.0
 * §4.3.3: a BOM, else the `encoding` of the XML declaration, else UTF-8), so an ISO-8859-1 file from
 * another tool reads as what it says rather than as broken UTF-8.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { describeFsError } from '../io/fs-error.js';
import { decodeText, readTextFile } from '../io/text-file.js';
import { type ReadOptions, readXliff, type XliffReadResult } from './read.js';

const DECLARED = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/;

/** A relative `path` is read from `options.cwd` (the CLI's) when given; messages name `shown`. */
export async function readXliffFile(
  path: string,
  shown = path,
  options: ReadOptions & { maxBytes?: number; cwd?: string } = { allFiles: true },
): Promise<XliffReadResult> {
  const file = options.cwd === undefined ? path : resolve(options.cwd, path);
  // diff and render hold the whole document: above the input limit they refuse, as for articles.
  if (options.maxBytes !== undefined) await checkSize(path, options.maxBytes, options.cwd);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`${shown}: cannot read: ${describeFsError(error, 'read')}`, {
      cause: error,
    });
  });
  return readXliff(decodeXml(bytes, shown), shown, options);
}

async function checkSize(path: string, maxBytes: number, cwd: string | undefined): Promise<void> {
  const { stat } = await import('node:fs/promises');
  const info = await stat(cwd === undefined ? path : resolve(cwd, path)).catch(() => undefined);
  // readTextFile words the refusal (and the missing-file message) as for every other input.
  if (info === undefined || info.size > maxBytes)
    await readTextFile(path, { maxBytes, ...(cwd === undefined ? {} : { cwd }) });
}

/** Pure: the text of an XML document's bytes. */
export function decodeXml(bytes: Uint8Array, path: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const label = DECLARED.exec(head)?.[1]?.toLowerCase();
  if (label === undefined || /^utf-?(8|16)$/.test(label) || head.charCodeAt(0) > 0x7f) {
    return decodeText(bytes, path).text;
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new InputError(
      `${path}:1: the XML declaration names encoding "${label}", which Versio cannot decode`,
    );
  }
  try {
    return decoder.decode(bytes);
  } catch (error) {
    throw new InputError(`${path}: bytes that are not ${label}, as the XML declaration says`, {
      cause: error,
    });
  }
}
