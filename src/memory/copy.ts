/**
 * `versio tm load`: copies one memory into another, e.g. a machine's JSON Lines file into the
 * Redis memory its workers now share. Records keep their keys, so whatever was paid for once
 * is found by every worker; a record the target already has is not written again.
 */
import { openMemory } from './open.js';
import type { MemoryRecord } from './record.js';

const CHUNK = 500;

export async function copyMemory(from: string, to: string): Promise<{ read: number; added: number }> {
  const source = await openMemory(from);
  try {
    const target = await openMemory(to);
    try {
      const before = target.size;
      let read = 0;
      let chunk: MemoryRecord[] = [];
      for await (const record of source.iterate()) {
        read += 1;
        chunk.push(record);
        if (chunk.length === CHUNK) {
          await target.append(chunk);
          chunk = [];
        }
      }
      await target.append(chunk);
      return { read, added: target.size - before };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
