/**
 * Never pay twice, within a run and across processes sharing one memory file.
 *
 * Within a process, the first document that needs a key sends it; any other (or a repeat in
 * the same document) waits for its record. Across processes, claims (claims.ts) are written
 * under the memory's lock after reading the file's new tail: two processes that planned at the
 * same moment and both found nothing cannot both claim a key, because the second one to take
 * the lock sees the first one's claim, and waits (re-reading the tail every `pollMs`) until
 * the record arrives — or until the claimant releases the key or its lease runs out (it
 * crashed), when the waiter is told to claim again.
 */
import { randomUUID } from 'node:crypto';
import { withLock } from '../io/lock.js';
import { ClaimWaiters, type Waiter, waiter } from './claim-waiters.js';
import { ClaimBook } from './claims.js';
import type { Claim } from './memory-store.js';
import type { MemoryRecord } from './record.js';
import type { OpenOptions, TranslationMemory } from './store.js';

export class Claimer {
  readonly owner = randomUUID();
  private readonly book: ClaimBook;
  private readonly leaseMs: number;
  /** Keys this process claimed and has not appended yet. */
  private readonly mine = new Map<string, Waiter>();
  /** Keys another process claimed, that this one waits for. */
  private readonly waiters: ClaimWaiters;
  private heartbeat: NodeJS.Timeout | undefined;
  private claimed = false;

  constructor(
    private readonly memory: TranslationMemory,
    options: OpenOptions,
  ) {
    this.book = new ClaimBook(memory.path);
    this.leaseMs = options.leaseMs ?? 30_000;
    this.waiters = new ClaimWaiters(
      {
        refresh: () => Promise.all([this.memory.refresh(), this.book.refresh()]),
        lookup: (key) => this.memory.lookup(key),
        stillClaimed: (key) => this.book.claimedBy(key, this.owner, Date.now()) !== undefined,
      },
      options.pollMs ?? 100,
    );
  }

  async claim(keys: readonly string[]): Promise<Map<string, Claim>> {
    const out = new Map<string, Claim>();
    await this.memory.serial(() =>
      withLock(this.memory.path, async () => {
        await Promise.all([this.memory.refresh(), this.book.refresh()]);
        const now = Date.now();
        const fresh: string[] = [];
        for (const key of new Set(keys)) {
          const own = this.mine.get(key) ?? this.waiters.get(key);
          if (own) {
            out.set(key, { kind: 'wait', done: own.promise });
            continue;
          }
          const record = await this.memory.lookup(key);
          if (record) out.set(key, { kind: 'hit', record });
          else if (this.book.claimedBy(key, this.owner, now) !== undefined) {
            out.set(key, { kind: 'wait', done: this.waiters.wait(key) });
          } else fresh.push(key);
        }
        if (fresh.length === 0) return;
        if (this.mine.size === 0) await this.book.dropIfIdle(this.owner, now);
        await this.book.write([{ owner: this.owner, keys: fresh, until: now + this.leaseMs }]);
        this.claimed = true;
        for (const key of fresh) {
          const d = waiter();
          this.mine.set(key, d);
          out.set(key, { kind: 'mine', done: d.promise });
        }
      }),
    );
    this.keepAlive();
    return out;
  }

  /** Records were appended: their claims are done, and whoever waited in this process has them. */
  settled(records: readonly MemoryRecord[]): void {
    for (const record of records) {
      this.mine.get(record.key)?.resolve(record);
      this.mine.delete(record.key);
    }
  }

  async release(keys: readonly string[]): Promise<void> {
    const given = keys.filter((key) => this.mine.has(key));
    for (const key of given) {
      this.mine.get(key)?.resolve(undefined);
      this.mine.delete(key);
    }
    if (given.length === 0) return;
    await this.memory
      .serial(() =>
        withLock(this.memory.path, () => this.book.write([{ owner: this.owner, released: given }])),
      )
      .catch(() => undefined); // unreleased, the keys are taken over when the lease ends
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    for (const d of this.mine.values()) d.resolve(undefined);
    this.mine.clear();
    this.waiters.close();
    if (!this.claimed) return;
    await this.memory
      .serial(() => withLock(this.memory.path, () => this.book.write([{ owner: this.owner, until: 0 }])))
      .catch(() => undefined); // the lease ends by itself
  }

  /** Renews this process's lease while it holds claims; stops when it holds none. */
  private keepAlive(): void {
    if (this.heartbeat !== undefined) return;
    this.heartbeat = setInterval(() => {
      if (this.mine.size === 0) {
        clearInterval(this.heartbeat);
        this.heartbeat = undefined;
        return;
      }
      const line = { owner: this.owner, until: Date.now() + this.leaseMs };
      void this.memory
        .serial(() => withLock(this.memory.path, () => this.book.write([line])))
        .catch(() => undefined);
    }, this.leaseMs / 3);
    this.heartbeat.unref();
  }
}
