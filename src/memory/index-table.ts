/**
 * The memory's index, all that stays in RAM: for each key, the byte offset of the record that
 * wins it. Keys are sha256 hex (key.ts), so their first 52 bits, a number exact in a double,
 * stand for them: a Map of numbers → numbers costs a fraction of one of 64-character strings.
 * Two keys sharing 52 bits (about one chance in 10^4 at a million records) share a slot: the
 * full key is checked on every hit, so a collision costs a re-translation, never a wrong target.
 */
import { createHash } from 'node:crypto';
import { hexHash } from './scan.js';

/** The number that stands for a key (or any other string, hashed first). */
export function keyHash(key: string): number {
  return hexHash(key) ?? hexHash(createHash('sha256').update(key, 'utf8').digest('hex')) ?? 0;
}

export class IndexTable {
  private readonly winners = new Map<number, number>();
  /** Keys whose winner is a human record: a machine record never replaces it. */
  private readonly human = new Set<number>();

  /** A record at `offset` was read (in file order): it wins unless a human record holds the key. */
  add(hash: number, offset: number, human: boolean): void {
    if (human) this.human.add(hash);
    else if (this.human.has(hash)) return;
    this.winners.set(hash, offset);
  }

  offsetOf(hash: number): number | undefined {
    return this.winners.get(hash);
  }

  get size(): number {
    return this.winners.size;
  }
}
