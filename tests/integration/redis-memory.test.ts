/**
 * The shared translation memory on a real Redis: the same contract as the JSON Lines file
 * (lookup, append, human over machine, claims so no key is paid twice, iterate), and a file
 * memory loaded into it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryRecord } from '../../src/memory/record.js';
import { TranslationMemory } from '../../src/memory/store.js';
import { RedisMemory } from '../../src/scale/redis-memory.js';
import { runMain, tempDir } from '../support/cli.js';
import { type RedisServer, startRedis } from '../support/redis-server.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.cleanup();
});

let n = 0;
function record(fields: Partial<MemoryRecord> = {}): MemoryRecord {
  n += 1;
  return {
    key: `k${n}`,
    source: `Phrase ${n}.`,
    target: `Sentence ${n}.`,
    provider: 'deepl',
    sourceLang: 'fr',
    targetLang: 'en',
    createdAt: '2026-12-02T00:00:00.000Z',
    ...fields,
  };
}

describe('RedisMemory', () => {
  it('finds what another connection appended, and a repeated append writes nothing twice', async () => {
    const a = await RedisMemory.open(redis.url);
    const b = await RedisMemory.open(redis.url);
    const first = record();
    await a.append([first]);
    await a.append([{ ...first, target: 'A second delivery.' }]);
    expect(await b.lookup(first.key)).toEqual(first);
    await Promise.all([a.close(), b.close()]);
  });

  it('prefers a human record over machine ones for the same key', async () => {
    const memory = await RedisMemory.open(redis.url);
    const machine = record();
    await memory.append([machine, { ...machine, target: 'Edited by a reviewer.', origin: 'human' }]);
    await memory.append([{ ...machine, target: 'A later machine one.' }]);
    expect((await memory.lookup(machine.key))?.target).toBe('Edited by a reviewer.');
    await memory.close();
  });

  it('lets one claimant send a key; another waits and gets its record', async () => {
    const a = await RedisMemory.open(redis.url, { pollMs: 20 });
    const b = await RedisMemory.open(redis.url, { pollMs: 20 });
    const r = record();
    const mine = (await a.claim([r.key])).get(r.key);
    const theirs = (await b.claim([r.key])).get(r.key);
    expect(mine?.kind).toBe('mine');
    expect(theirs?.kind).toBe('wait');
    await a.append([r]);
    if (theirs?.kind !== 'wait') throw new Error('expected a wait');
    expect(await theirs.done).toEqual(r);
    expect((await b.claim([r.key])).get(r.key)?.kind).toBe('hit');
    await Promise.all([a.close(), b.close()]);
  });

  it('two documents of one process waiting on the same key at once both get its record', async () => {
    const a = await RedisMemory.open(redis.url, { pollMs: 20 });
    const b = await RedisMemory.open(redis.url, { pollMs: 20 });
    const r = record();
    await a.claim([r.key]);
    // Concurrent claims of b: both look the key up before either registers a waiter.
    const [first, second] = await Promise.all([b.claim([r.key]), b.claim([r.key])]);
    await a.append([r]);
    for (const claims of [first, second]) {
      const claim = claims.get(r.key);
      expect(claim?.kind === 'wait' ? await claim.done : 'not waiting').toEqual(r);
    }
    await Promise.all([a.close(), b.close()]);
  });

  it('hands a released key, or one whose owner died (its lease ran out), to the waiter', async () => {
    const a = await RedisMemory.open(redis.url, { pollMs: 20 });
    const b = await RedisMemory.open(redis.url, { pollMs: 20 });
    const released = record();
    const dead = record();
    await a.claim([released.key]);
    // A process that died holding a claim: its claim key stays until the lease runs out.
    const { Redis } = await import('ioredis');
    const raw = new Redis(redis.url);
    await raw.set(`versio:claim:${dead.key}`, 'a-process-that-died', 'PX', 300);
    raw.disconnect();
    const waits = await b.claim([released.key, dead.key]);
    expect([...waits.values()].map((c) => c.kind)).toEqual(['wait', 'wait']);
    await a.release([released.key]);
    const w1 = waits.get(released.key);
    expect(w1?.kind === 'wait' ? await w1.done : 'not waiting').toBeUndefined();
    const w2 = waits.get(dead.key);
    expect(w2?.kind === 'wait' ? await w2.done : 'not waiting').toBeUndefined();
    expect((await b.claim([dead.key])).get(dead.key)?.kind).toBe('mine');
    await Promise.all([a.close(), b.close()]);
  });

  it('iterates every key once, the human record where there is one', async () => {
    const url = `${redis.url}/3`;
    const memory = await RedisMemory.open(url);
    const x = record();
    const y = record();
    await memory.append([x, y, { ...y, target: 'Human.', origin: 'human' }]);
    const all: MemoryRecord[] = [];
    for await (const r of memory.iterate()) all.push(r);
    expect(all.map((r) => [r.key, r.target]).sort()).toEqual(
      [
        [x.key, x.target],
        [y.key, 'Human.'],
      ].sort(),
    );
    await memory.close();
  });

  it('versio tm load copies a JSON Lines memory into Redis, and tm export reads it back', async () => {
    const dir = tempDir();
    const file = join(dir.path, 'memory.jsonl');
    const records = [record(), record(), record()];
    writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const url = `${redis.url}/5`;
    const loaded = await runMain(['tm', 'load', 'memory.jsonl', '--memory', url], { cwd: dir.path });
    expect(loaded.stderr).toBe('');
    expect(loaded.stdout).toMatch(/read 3 records from memory\.jsonl; 3 new/);
    const again = await runMain(['tm', 'load', 'memory.jsonl', '--memory', url], { cwd: dir.path });
    expect(again.stdout).toMatch(/3 records .*; 0 new/);
    const exported = await runMain(['tm', 'export', '--tmx', 'out.tmx', '--memory', url], { cwd: dir.path });
    expect(exported.stdout).toMatch(/exported 3 translation units/);
    const back = await TranslationMemory.open(file);
    expect(back.size).toBe(3);
    await back.close();
    dir.cleanup();
  });

  it('an unreachable Redis is one clear line and exit 3, the password never shown', async () => {
    const dir = tempDir();
    writeFileSync(join(dir.path, 'a.fr.txt'), 'Titre\n\nUne phrase.\n');
    const result = await runMain(
      [
        'translate',
        'a.fr.txt',
        '--provider',
        'pseudo',
        '--memory',
        'redis://:s3cret-canary@127.0.0.1:9/0',
        '--quiet',
      ],
      { cwd: dir.path },
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^versio: cannot reach Redis at 127\.0\.0\.1:9: ECONNREFUSED/);
    expect(result.stderr).not.toContain('s3cret-canary');
    dir.cleanup();
  });
});
