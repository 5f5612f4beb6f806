/**
 * Reading the memory file as a stream of lines, without ever holding it whole: chunks of
 * 1 MiB, lines cut at `\n`, each line handed over with its byte offset. A line not yet ended
 * (another process is writing it, or a killed one left it torn) stays unread until it is.
 */
import type { FileHandle } from 'node:fs/promises';

const CHUNK = 1 << 20;

export interface Line {
  /** Byte offset of the line's first byte in the file. */
  offset: number;
  /** The line's bytes, without the `\n`; only valid until the next line is handed over. */
  bytes: Buffer;
}

/**
 * The complete lines from `start`, one array per chunk read (a line's bytes are valid until
 * the next array is asked for). `next` of the last array's last line, or `start`, is where the
 * next scan starts.
 */
export async function* linesFrom(handle: FileHandle, start: number): AsyncGenerator<Line[]> {
  let position = start;
  let carried = 0;
  let buffer = Buffer.allocUnsafe(CHUNK);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, carried, buffer.length - carried, position + carried);
    if (bytesRead === 0) return;
    const end = carried + bytesRead;
    const lines: Line[] = [];
    let from = 0;
    for (let nl = buffer.indexOf(0x0a, from); nl !== -1 && nl < end; nl = buffer.indexOf(0x0a, from)) {
      lines.push({ offset: position + from, bytes: buffer.subarray(from, nl) });
      from = nl + 1;
    }
    if (lines.length > 0) yield lines;
    position += from;
    // The unended rest moves to the front (a line longer than the buffer doubles it).
    carried = end - from;
    const next = carried * 2 > buffer.length ? Buffer.allocUnsafe(buffer.length * 2) : buffer;
    buffer.copy(next, 0, from, end);
    buffer = next;
  }
}

/** Where the line after `line` starts. */
export function nextOffset(line: Line): number {
  return line.offset + line.bytes.length + 1;
}

/** The bytes of the line at `offset` (without its `\n`), or undefined past the end. */
export async function readLineAt(handle: FileHandle, offset: number): Promise<Buffer | undefined> {
  let size = 4096;
  for (;;) {
    const buffer = Buffer.allocUnsafe(size);
    const { bytesRead } = await handle.read(buffer, 0, size, offset);
    if (bytesRead === 0) return undefined;
    const nl = buffer.indexOf(0x0a);
    if (nl !== -1 && nl < bytesRead) return buffer.subarray(0, nl);
    if (bytesRead < size) return buffer.subarray(0, bytesRead);
    size *= 4;
  }
}

const KEY_PREFIX = Buffer.from('{"key":"');
const HUMAN = Buffer.from('"origin":"human"');
const IMPORTED = Buffer.from('"provider":"tmx');

/**
 * What the index needs from a line versio wrote (`{"key":"<64 hex>",…}`), read from its bytes
 * without decoding or parsing it: its key's hash, and whether it is a human or an imported
 * record. A quote inside a JSON string is always escaped, so `"origin":"human"` can only be the
 * record's own field. Undefined for any other shape: the caller parses such a line in full.
 */
export function quickRecord(bytes: Buffer): { hash: number; human: boolean; imported: boolean } | undefined {
  if (bytes.length < 75 || bytes[bytes.length - 1] !== 0x7d) return undefined;
  if (bytes.compare(KEY_PREFIX, 0, KEY_PREFIX.length, 0, KEY_PREFIX.length) !== 0) return undefined;
  if (bytes[72] !== 0x22) return undefined;
  const hash = hexBytesHash(bytes, 8);
  if (hash === undefined) return undefined;
  return { hash, human: bytes.includes(HUMAN), imported: bytes.includes(IMPORTED) };
}

/** `hexHash` of the 64 bytes at `at`, read from the bytes themselves (no string, no regex). */
function hexBytesHash(bytes: Buffer, at: number): number | undefined {
  let hash = 0;
  for (let i = 0; i < 64; i++) {
    const c = bytes[at + i] ?? 0;
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (digit < 0) return undefined;
    if (i < 13) hash = hash * 16 + digit;
  }
  return hash;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** The first 52 bits of a sha256 hex key, as a number (exact in a double). */
export function hexHash(key: string): number | undefined {
  if (!HEX64.test(key)) return undefined;
  return Number.parseInt(key.slice(0, 13), 16);
}
