/** A whole memory file's text parsed at once: for tests and small tools; the store streams instead. */
import { InputError } from '../errors.js';
import { type MemoryRecord, pickRecord } from './record.js';

/** Parse the file: torn lines (unparseable JSON) are skipped; a well-formed but wrong record is an error. */
export function parseMemory(text: string, path: string): { records: MemoryRecord[]; tornLines: number[] } {
  const records: MemoryRecord[] = [];
  const tornLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      tornLines.push(index + 1);
      return;
    }
    const record = pickRecord(value);
    if (typeof record === 'string') {
      throw new InputError(`${path}:${index + 1}: not a translation-memory record: ${record}`);
    }
    records.push(record);
  });
  return { records, tornLines };
}
