/**
 * The memory's index, all that stays in RAM: for each key, the byte offset of the record that
 * wins it. Keys are sha256 hex (key.ts), so their first 52 bits, a number exact in a double,
 * stand for them: no 64-character string is kept per key.
 * Two keys sharing 52 bits (about one chance in 10^4 at a million records) share a slot: the
 * full key is checked on every hit, so a collision costs a re-translation, never a wrong target.
 */
import { createHash } from 'node:crypto';
import { hexHash } from './scan.js';

/** The number that stands for a key (or any other string, hashed first). */
export function keyHash(key: string): number {
  return hexHash(key) ?? hexHash(createHash('sha256').update(key, 'utf8').digest('hex')) ?? 0;
}

/**
 * Open addressing over two typed arrays (hash + 1, 0 meaning empty; byte offset), linear
 * probing, doubled at half full: 16–32 bytes a key and nothing for the garbage collector to
 * walk, where a Map of numbers costs several times that.
 */
export class IndexTable {
  private hashes = new Float64Array(1024);
  private offsets = new Float64Array(1024);
  private count = 0;
  /** Keys whose winner is a human record: a machine record never replaces it. */
  private readonly human = new Set<number>();

  /** A record at `offset` was read (in file order): it wins unless a human record holds the key. */
  add(hash: number, offset: number, human: boolean): void {
    if (human) this.human.add(hash);
    else if (this.human.has(hash)) return;
    let slot = this.slotOf(hash);
    if (this.hashes[slot] === 0) {
      if ((this.count + 1) * 2 > this.hashes.length) {
        this.grow();
        slot = this.slotOf(hash);
      }
      this.hashes[slot] = hash + 1;
      this.count += 1;
    }
    this.offsets[slot] = offset;
  }

  offsetOf(hash: number): number | undefined {
    const slot = this.slotOf(hash);
    return this.hashes[slot] === 0 ? undefined : this.offsets[slot];
  }

  get size(): number {
    return this.count;
  }

  /** The slot holding `hash`, or the empty one where it would go. */
  private slotOf(hash: number): number {
    const mask = this.hashes.length - 1;
    // Keys are sha256: their low bits are as uniform as any.
    let slot = hash % this.hashes.length;
    const wanted = hash + 1;
    for (;;) {
      const at = this.hashes[slot];
      if (at === 0 || at === wanted) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const [hashes, offsets] = [this.hashes, this.offsets];
    this.hashes = new Float64Array(hashes.length * 2);
    this.offsets = new Float64Array(hashes.length * 2);
    for (let i = 0; i < hashes.length; i++) {
      const stored = hashes[i] ?? 0;
      if (stored === 0) continue;
      const slot = this.slotOf(stored - 1);
      this.hashes[slot] = stored;
      this.offsets[slot] = offsets[i] ?? 0;
    }
  }
}
