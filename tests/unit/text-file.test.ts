import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decodeText } from '../../src/io/text-file.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

function refusal(input: Uint8Array): InputError {
  try {
    decodeText(input, 'in.txt');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected decodeText to refuse the input');
}

describe('decodeText', () => {
  it('reads plain UTF-8 without a BOM', () => {
    expect(decodeText(utf8('Palmyre\n'), 'in.txt')).toEqual({ text: 'Palmyre\n', bom: false });
  });
  it('strips and records a UTF-8 BOM', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'Alep'), 'in.txt')).toEqual({ text: 'Alep', bom: true });
  });
  it('decodes UTF-16LE with a BOM', () => {
    const body = Buffer.from('Lattaquié', 'utf16le');
    expect(decodeText(bytes([0xff, 0xfe], [...body]), 'in.txt')).toEqual({ text: 'Lattaquié', bom: true });
  });
  it('decodes UTF-16BE with a BOM', () => {
    const le = Buffer.from('Syrie', 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(bytes([0xfe, 0xff], [...be]), 'in.txt').text).toBe('Syrie');
  });
  it('names line and column of the first invalid UTF-8 byte', () => {
    const error = refusal(bytes('ligne un\nd', [0xe9], 'j\u00e0'));
    expect(error.message).toBe('in.txt:2:2: invalid UTF-8 (byte 0xE9)');
    expect(error.hint).toContain('iconv');
  });
  it('refuses a truncated multi-byte sequence at the end', () => {
    expect(refusal(bytes('caf', [0xc3])).message).toBe('in.txt:1:4: invalid UTF-8 (byte 0xC3)');
  });
  it('refuses NUL bytes as binary with the line', () => {
    expect(refusal(bytes('a\nb', [0], 'c')).message).toBe(
      'in.txt:2: NUL byte: this looks like a binary file, not UTF-8 text',
    );
  });
  it('refuses control characters with the line', () => {
    expect(refusal(utf8('a\nb\nc\u0007')).message).toBe('in.txt:3: control character U+0007 in text');
  });
  it('refuses an empty file', () => {
    expect(refusal(new Uint8Array()).message).toBe('in.txt: file is empty');
  });
  it('refuses whitespace only', () => {
    expect(refusal(utf8(' \n\t\r\n')).message).toBe('in.txt: file is empty');
  });
  it('accepts tabs, CR and form feeds', () => {
    expect(decodeText(utf8('a\tb\r\nc\fd'), 'in.txt').text).toBe('a\tb\r\nc\fd');
  });
});
