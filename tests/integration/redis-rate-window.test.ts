/**
 * The rate window every worker shares, on a real Redis: when a slot is taken, refused, dated
 * (sent, finished). Each date is checked against Redis's clock read before and after the call,
 * so no assertion depends on how fast the machine is.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pacing } from '../../src/providers/provider.js';
import { WINDOW_GUARD } from '../../src/queue/sliding-window.js';
import { finishSlot, sentSlot, takeSlot } from '../../src/scale/sliding-window.js';
import { type RedisServer, startRedis } from '../support/redis-server.js';

const PACING: Pacing = { concurrency: 2, rate: 5, windowMs: 1000 };
const GUARD = Math.ceil(PACING.windowMs * WINDOW_GUARD);
const HOLD = 30_000;

let server: RedisServer;
let redis: Redis;
beforeAll(async () => {
  server = await startRedis();
  redis = new Redis(server.url);
});
afterAll(async () => {
  redis?.disconnect();
  await server?.cleanup();
});

const clock = async () => {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
};
let queues = 0;
const freshQueue = () => `test-${++queues}`;
const score = async (queue: string, member: string) =>
  Number(await redis.zscore(`versio:rate:${queue}`, member));

describe('the shared rate window (src/scale/sliding-window.ts)', () => {
  it('takes `rate` slots, then refuses with the wait until the oldest frees (at most a window)', async () => {
    const queue = freshQueue();
    for (let i = 0; i < PACING.rate; i++) expect((await takeSlot(redis, queue, PACING, HOLD)).wait).toBe(0);
    const refused = await takeSlot(redis, queue, PACING, HOLD);
    expect(refused.wait).toBeGreaterThan(0);
    expect(refused.wait).toBeLessThanOrEqual(PACING.windowMs);
    expect(await redis.zcard(`versio:rate:${queue}`)).toBe(PACING.rate);
  });

  it('a slot in flight counts until its holder is long dead; once sent, one window plus the guard from then', async () => {
    const queue = freshQueue();
    const before = await clock();
    const { member } = await takeSlot(redis, queue, PACING, HOLD);
    expect(await score(queue, member)).toBeGreaterThanOrEqual(before + HOLD);
    const sentFrom = await clock();
    await sentSlot(redis, queue, PACING, member);
    const sentTo = await clock();
    const sent = await score(queue, member);
    expect(sent).toBeGreaterThanOrEqual(sentFrom + GUARD);
    expect(sent).toBeLessThanOrEqual(sentTo + GUARD);
    // Its answer comes later: the slot keeps the date it was sent with, never a later one.
    await finishSlot(redis, queue, PACING, member);
    expect(await score(queue, member)).toBeLessThanOrEqual(sent);
  });

  it('a call that sends twice (a chat model asked again) is dated by its last request', async () => {
    const queue = freshQueue();
    const { member } = await takeSlot(redis, queue, PACING, HOLD);
    await sentSlot(redis, queue, PACING, member);
    const first = await score(queue, member);
    const againFrom = await clock();
    await sentSlot(redis, queue, PACING, member);
    const again = await score(queue, member);
    expect(again).toBeGreaterThanOrEqual(first);
    expect(again).toBeGreaterThanOrEqual(againFrom + GUARD);
  });

  it('a slot whose request never reported `sent` is dated when the request finished', async () => {
    const queue = freshQueue();
    const { member } = await takeSlot(redis, queue, PACING, HOLD);
    const from = await clock();
    await finishSlot(redis, queue, PACING, member);
    const to = await clock();
    const finished = await score(queue, member);
    expect(finished).toBeGreaterThanOrEqual(from);
    expect(finished).toBeLessThanOrEqual(to);
  });

  it('a slot already gone from the log is not brought back by a late `sent` or `finish`', async () => {
    const queue = freshQueue();
    const { member } = await takeSlot(redis, queue, PACING, HOLD);
    await redis.zrem(`versio:rate:${queue}`, member);
    await sentSlot(redis, queue, PACING, member);
    await finishSlot(redis, queue, PACING, member);
    expect(await redis.zscore(`versio:rate:${queue}`, member)).toBeNull();
  });

  it('an engine without a rate limit (Apertium) takes no slot', async () => {
    const queue = freshQueue();
    const unpaced: Pacing = { ...PACING, rate: Number.POSITIVE_INFINITY };
    const { wait, member } = await takeSlot(redis, queue, unpaced, HOLD);
    expect(wait).toBe(0);
    await sentSlot(redis, queue, unpaced, member);
    await finishSlot(redis, queue, unpaced, member);
    expect(await redis.exists(`versio:rate:${queue}`)).toBe(0);
  });
});
