import type { MemoryRecord } from './record.js';

/** A key's record to come; `undefined` when its claimant gave up (the key is to be claimed again). */
export interface Waiter {
  promise: Promise<MemoryRecord | undefined>;
  resolve: (record: MemoryRecord | undefined) => void;
}

export function waiter(): Waiter {
  let resolve: Waiter['resolve'] = () => undefined;
  const promise = new Promise<MemoryRecord | undefined>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** What the waiters read from a memory: its records and its claims. */
export interface ClaimSource {
  /** Before each round: read what changed since (the file memory's new tail and claim book). */
  refresh?(): Promise<unknown>;
  lookup(key: string): Promise<MemoryRecord | undefined>;
  /** Someone still holds the key's claim, so its record may yet come. */
  stillClaimed(key: string): Promise<boolean> | boolean;
}

/**
 * Keys another claimant is translating, looked at every `pollMs` while any is waited for: a key
 * is handed over with its record once it arrives, or with `undefined` once its claim is gone.
 * The file memory (claimer.ts) and the Redis memory (scale/redis-memory.ts) share it.
 */
export class ClaimWaiters {
  private readonly waiting = new Map<string, Waiter>();
  private poller: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: ClaimSource,
    private readonly pollMs: number,
  ) {}

  get(key: string): Waiter | undefined {
    return this.waiting.get(key);
  }

  /** Waits for `key`; a caller that already waits for it passes its waiter, so both share one. */
  wait(key: string, shared: Waiter = waiter()): Promise<MemoryRecord | undefined> {
    this.waiting.set(key, shared);
    this.poll();
    return shared.promise;
  }

  /** Stops polling; every waiter gets `undefined`. */
  close(): void {
    clearTimeout(this.poller);
    this.poller = undefined;
    for (const w of this.waiting.values()) w.resolve(undefined);
    this.waiting.clear();
  }

  private poll(): void {
    if (this.poller !== undefined || this.waiting.size === 0) return;
    this.poller = setTimeout(async () => {
      try {
        await this.source.refresh?.();
        for (const [key, w] of this.waiting) {
          const record = await this.source.lookup(key);
          if (!record && (await this.source.stillClaimed(key))) continue;
          this.waiting.delete(key);
          w.resolve(record);
        }
      } catch {
        // A failed read is retried at the next tick; a lost server fails the run elsewhere.
      } finally {
        this.poller = undefined;
        this.poll();
      }
    }, this.pollMs);
  }
}
