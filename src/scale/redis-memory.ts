/**
 * The translation memory in Redis, shared by every worker and enqueuer of a scale-out set-up:
 * the same MemoryStore contract and the same keys as the JSON Lines file (memory/store.ts).
 *
 * - Records: hash `versio:memory` (memory key → record JSON), written with HSETNX, so a job
 *   delivered twice writes nothing twice; human records go to `versio:memory:human` and win on
 *   lookup, as in the file. TMX imports: `versio:memory:imported` by language pair and source.
 * - Claims (never pay twice across machines): `versio:claim:<key>` set with NX and a lease
 *   (PX), renewed while held; a waiter polls until the record appears or the claim is gone
 *   (released, or its owner died and the lease ran out), then claims again.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ClaimWaiters, type Waiter, waiter } from '../memory/claim-waiters.js';
import type { Claim, MemoryStore } from '../memory/memory-store.js';
import { isImported, type MemoryRecord, pickRecord } from '../memory/record.js';
import { connectRedis, redisError, redisName } from './redis-connection.js';

const RECORDS = 'versio:memory';
const HUMAN = 'versio:memory:human';
const IMPORTED = 'versio:memory:imported';
const claimKey = (key: string) => `versio:claim:${key}`;

// Compare-and-delete / compare-and-renew: only the owner may drop or extend its claim.
const RELEASE =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

export interface RedisMemoryOptions {
  leaseMs?: number;
  pollMs?: number;
}

export class RedisMemory implements MemoryStore {
  readonly owner = randomUUID();
  private count = 0;
  private readonly mine = new Map<string, Waiter>();
  private readonly waiters: ClaimWaiters;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly leaseMs: number;

  private constructor(
    private readonly redis: Redis,
    readonly path: string,
    options: RedisMemoryOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.waiters = new ClaimWaiters(
      {
        lookup: (key) => this.lookup(key),
        stillClaimed: async (key) => (await this.redis.exists(claimKey(key))) === 1,
      },
      options.pollMs ?? 100,
    );
  }

  static async open(url: string, options: RedisMemoryOptions = {}): Promise<RedisMemory> {
    const redis = await connectRedis(url);
    const memory = new RedisMemory(redis, url, options);
    memory.count = await memory.call(() => redis.hlen(RECORDS));
    return memory;
  }

  get size(): number {
    return this.count;
  }

  async lookup(key: string): Promise<MemoryRecord | undefined> {
    const [human, machine] = await this.call(() =>
      Promise.all([this.redis.hget(HUMAN, key), this.redis.hget(RECORDS, key)]),
    );
    return parse(human ?? machine ?? undefined);
  }

  async lookupImported(
    source: string,
    sourceLang: string,
    targetLang: string,
  ): Promise<MemoryRecord | undefined> {
    return parse(
      (await this.call(() => this.redis.hget(IMPORTED, importedField(source, sourceLang, targetLang)))) ??
        undefined,
    );
  }

  async append(records: readonly MemoryRecord[]): Promise<void> {
    if (records.length === 0) return;
    const batch = this.redis.multi();
    for (const record of records) {
      const json = JSON.stringify(record);
      if (record.origin === 'human') batch.hset(HUMAN, record.key, json);
      else batch.hsetnx(RECORDS, record.key, json);
      if (isImported(record))
        batch.hset(IMPORTED, importedField(record.source, record.sourceLang, record.targetLang), json);
    }
    for (const record of records) batch.eval(RELEASE, 1, claimKey(record.key), this.owner);
    batch.hlen(RECORDS);
    const results = await this.call(() => batch.exec());
    const size = results?.[results.length - 1]?.[1];
    if (typeof size === 'number') this.count = size;
    for (const record of records) {
      this.mine.get(record.key)?.resolve(record);
      this.mine.delete(record.key);
    }
  }

  async claim(keys: readonly string[]): Promise<Map<string, Claim>> {
    const out = new Map<string, Claim>();
    for (const key of new Set(keys)) {
      const own = this.mine.get(key) ?? this.waiters.get(key);
      if (own) {
        out.set(key, { kind: 'wait', done: own.promise });
        continue;
      }
      const record = await this.lookup(key);
      if (record) {
        out.set(key, { kind: 'hit', record });
        continue;
      }
      const won = await this.call(() => this.redis.set(claimKey(key), this.owner, 'PX', this.leaseMs, 'NX'));
      // Claimed, but someone may have appended between our lookup and our claim.
      const late = won === 'OK' ? await this.lookup(key) : undefined;
      if (late) {
        await this.call(() => this.redis.eval(RELEASE, 1, claimKey(key), this.owner));
        out.set(key, { kind: 'hit', record: late });
      } else if (won === 'OK') {
        const claimed = waiter();
        this.mine.set(key, claimed);
        out.set(key, { kind: 'mine', done: claimed.promise });
      } else {
        // Two documents may claim the same key at once (both passed the check above before
        // either awaited): they must share one waiter, or the first is never resolved.
        const ours = this.mine.get(key);
        out.set(key, {
          kind: 'wait',
          done: ours ? ours.promise : this.waiters.wait(key, this.waiters.get(key)),
        });
      }
    }
    this.keepAlive();
    return out;
  }

  async release(keys: readonly string[]): Promise<void> {
    const given = keys.filter((key) => this.mine.has(key));
    for (const key of given) {
      this.mine.get(key)?.resolve(undefined);
      this.mine.delete(key);
    }
    await Promise.all(
      given.map((key) => this.redis.eval(RELEASE, 1, claimKey(key), this.owner).catch(() => 0)),
    );
  }

  async *iterate(): AsyncIterable<MemoryRecord> {
    const human = new Set<string>();
    for (const hash of [HUMAN, RECORDS]) {
      let cursor = '0';
      do {
        const [next, pairs] = await this.call(() => this.redis.hscan(hash, cursor, 'COUNT', 500));
        cursor = next;
        for (let i = 0; i + 1 < pairs.length; i += 2) {
          const key = pairs[i] as string;
          if (hash === RECORDS && human.has(key)) continue;
          if (hash === HUMAN) human.add(key);
          const record = parse(pairs[i + 1]);
          if (record) yield record;
        }
      } while (cursor !== '0');
    }
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const w of this.mine.values()) w.resolve(undefined);
    const held = [...this.mine.keys()];
    this.mine.clear();
    this.waiters.close();
    await Promise.all(
      held.map((key) => this.redis.eval(RELEASE, 1, claimKey(key), this.owner).catch(() => 0)),
    );
    this.redis.disconnect();
  }

  /** Held claims are renewed at a third of their lease, so only a dead owner's expire. */
  private keepAlive(): void {
    if (this.heartbeat !== undefined) return;
    this.heartbeat = setInterval(
      () => {
        if (this.mine.size === 0) return;
        for (const key of this.mine.keys()) {
          this.redis.eval(RENEW, 1, claimKey(key), this.owner, this.leaseMs).catch(() => 0);
        }
      },
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    this.heartbeat.unref();
  }

  /** Runs a command; a connection failure is exit 3 naming the server. */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw redisError(redisName(this.path), error);
    }
  }
}

function importedField(source: string, sourceLang: string, targetLang: string): string {
  return `${sourceLang}\t${targetLang}\t${source}`;
}

function parse(json: string | undefined): MemoryRecord | undefined {
  if (json === undefined) return undefined;
  try {
    const record = pickRecord(JSON.parse(json));
    return typeof record === 'string' ? undefined : record;
  } catch {
    return undefined;
  }
}
