/**
 * What the pipeline needs from a translation memory, whatever holds it: the JSON Lines file
 * (store.ts) today, a shared server (Redis) later. Lookups are async so a store may read
 * targets from disk or the network on a hit.
 */
import type { MemoryRecord } from './record.js';

/** How a key stands for this process when it asks to translate it (see `claim`). */
export type Claim =
  /** Someone already paid for it. */
  | { kind: 'hit'; record: MemoryRecord }
  /** This caller sends it; `done` settles when its record is appended (or undefined on release). */
  | { kind: 'mine'; done: Promise<MemoryRecord | undefined> }
  /**
   * Another document of this run or another process is sending it: `done` gives its record,
   * or undefined if that claimant gave up or died (claim again, then).
   */
  | { kind: 'wait'; done: Promise<MemoryRecord | undefined> };

export interface MemoryStore {
  /** The record for a memory key: the last human one, else the last one appended. */
  lookup(key: string): Promise<MemoryRecord | undefined>;
  /** The latest unit imported from TMX with this exact source and language pair (see import.ts). */
  lookupImported(source: string, sourceLang: string, targetLang: string): Promise<MemoryRecord | undefined>;
  /** Store records durably; resolves once they are. */
  append(records: readonly MemoryRecord[]): Promise<void>;
  /**
   * Never pay twice: for each key, a record someone paid for, the right to send it (claimed
   * against every other claimant, in this process and in others sharing the store), or a
   * promise of someone else's result.
   */
  claim(keys: readonly string[]): Promise<Map<string, Claim>>;
  /** Give up keys claimed and not appended (a failed batch), so waiters take them over. */
  release(keys: readonly string[]): Promise<void>;
  /** The record `lookup` returns for each key, in order of their last write. */
  iterate(): AsyncIterable<MemoryRecord>;
  /** Number of distinct keys. */
  readonly size: number;
  close(): Promise<void>;
}
