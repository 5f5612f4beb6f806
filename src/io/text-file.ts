import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { describeFsError } from './fs-error.js';

/** A decoded text input and what we must keep of its encoding for the output. */
export interface TextInput {
  text: string;
  /** The file started with a byte order mark (UTF-8 or UTF-16); the BOM is not part of `text`. */
  bom: boolean;
}

/**
 * Articles above this size are refused with a clear message rather than loaded whole.
 * A news article is a few kB; 32 MiB leaves room for a whole day's feed in one file.
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/**
 * Reads a UTF-8 (or UTF-16 with BOM) text file, refusing what is not text with one clear line.
 * A relative `path` is resolved against `cwd` (the CLI's); messages name it as given.
 */
export async function readTextFile(
  path: string,
  { maxBytes = MAX_INPUT_BYTES, cwd }: { maxBytes?: number; cwd?: string } = {},
): Promise<TextInput> {
  const file = cwd === undefined ? path : resolve(cwd, path);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    throw new InputError(`${path}: ${describeFsError(error, 'read')}`, { cause: error });
  }
  if (info.isDirectory()) throw new InputError(`${path}: is a directory, not a text file`);
  if (info.size > maxBytes) {
    throw new InputError(
      `${path}: file is ${(info.size / 1024 / 1024).toFixed(1)} MiB; inputs above ${maxBytes / 1024 / 1024} MiB are refused`,
      { hint: 'split the file into articles' },
    );
  }
  const bytes = await readFile(file).catch((error: unknown) => {
    throw new InputError(`${path}: ${describeFsError(error, 'read')}`, { cause: error });
  });
  return decodeText(bytes, path);
}

/** Pure decoding, separated from I/O so every odd encoding is unit-testable. */
export function decodeText(bytes: Uint8Array, path: string): TextInput {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeStrict(bytes.subarray(2), 'utf-16le', path), bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeStrict(bytes.subarray(2), 'utf-16be', path), bom: true };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul !== -1) {
    const { line } = lineOfByte(body, nul);
    throw new InputError(`${path}:${line}: NUL byte: this looks like a binary file, not UTF-8 text`);
  }
  const text = decodeStrict(body, 'utf-8', path);
  // C0 controls other than tab, line feed, form feed and carriage return, and DEL: never text.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  const control = /[\u0001-\u0008\u000b\u000e-\u001f\u007f]/.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split(/\r\n|\r|\n/).length;
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase();
    throw new InputError(`${path}:${line}: control character U+${code} in text`, {
      hint: 'remove it (Word and PDF exports sometimes leave them)',
    });
  }
  if (text.trim() === '') throw new InputError(`${path}: file is empty`);
  return { text, bom };
}

function decodeStrict(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be', path: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    if (encoding !== 'utf-8')
      throw new InputError(`${path}: invalid ${encoding.toUpperCase()} text`, { cause: error });
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = lineOfByte(bytes, bad);
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new InputError(`${path}:${line}:${column}: invalid UTF-8 (byte 0x${byte})`, {
      cause: error,
      hint: `convert the file to UTF-8, e.g. iconv -f windows-1252 -t utf-8 ${path}`,
    });
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (RFC 3629 §4). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    // Overlong 3/4-byte forms, UTF-16 surrogates and code points above U+10FFFF.
    const second = bytes[i + 1] ?? 0;
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f)) return i;
    if ((lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}

function lineOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
