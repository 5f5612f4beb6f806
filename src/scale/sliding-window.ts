/**
 * The provider's rate limit for every worker together, as a sliding log in Redis: a request
 * may start when fewer than `rate` requests count in the window, across all machines.
 * BullMQ's own limiter counts jobs in fixed windows, which lets up to twice the rate into a
 * rolling window; the check and the insert run in one Lua script, so two workers never both
 * take the last slot. When no slot is free the worker pauses the whole queue (queue.rateLimit).
 *
 * The server counts a request when it arrives, some time after its worker took the slot (the
 * client building and sending it; hundreds of ms on a loaded machine), and the bench saw 7
 * arrivals in a rolling second against a limit of 5 when slots were dated when taken. So a slot
 * counts from when it is taken until `windowMs` after its request finished (the arrival lies in
 * between), whatever the delay; a worker that dies mid-request frees its slot after `holdMs`.
 * The price is the request's latency per slot: at the limit, `rate` requests per window + latency.
 */
import type { Redis } from 'ioredis';
import type { Pacing } from '../providers/provider.js';

// KEYS[1] log; ARGV: now, window, rate, member, hold. Returns 0 when taken, else ms to wait.
// A slot in flight is scored `now + hold` (counted until it finishes or its worker is long dead).
const TAKE = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local hold = tonumber(ARGV[5])
redis.call('zremrangebyscore', KEYS[1], '-inf', now - window)
if redis.call('zcard', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('zadd', KEYS[1], now + hold, ARGV[4])
  redis.call('pexpire', KEYS[1], hold + window)
  return 0
end
local oldest = redis.call('zrange', KEYS[1], 0, 0, 'WITHSCORES')
return math.min(window, math.max(1, tonumber(oldest[2]) + window - now))
`;

// KEYS[1] log; ARGV: now, member, window. The request finished: its slot counts `window` more.
const FINISH = `
redis.call('zadd', KEYS[1], 'XX', tonumber(ARGV[1]), ARGV[2])
if redis.call('pttl', KEYS[1]) < tonumber(ARGV[3]) then redis.call('pexpire', KEYS[1], ARGV[3]) end
return 0
`;

let counter = 0;

export interface Slot {
  /** 0 when taken, else ms to wait before asking again. */
  wait: number;
  member: string;
}

async function redisNow(redis: Redis): Promise<number> {
  // Redis's clock, not ours: workers on machines with skewed clocks still share one window.
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

const logKey = (queue: string) => `versio:rate:${queue}`;

/** Takes a start slot, or says how long to wait for one (ms). */
export async function takeSlot(redis: Redis, queue: string, pacing: Pacing, holdMs: number): Promise<Slot> {
  counter += 1;
  const member = `${process.pid}-${Date.now()}-${counter}-${Math.random()}`;
  // An engine with no rate limit (Apertium: rate Infinity) takes no slot.
  if (!Number.isFinite(pacing.rate)) return { wait: 0, member };
  const now = await redisNow(redis);
  const wait = await redis.eval(TAKE, 1, logKey(queue), now, pacing.windowMs, pacing.rate, member, holdMs);
  return { wait: Number(wait), member };
}

/** The slot's request finished (answered, failed or aborted): it counts one window from now. */
export async function finishSlot(redis: Redis, queue: string, pacing: Pacing, member: string): Promise<void> {
  const now = await redisNow(redis);
  await redis.eval(FINISH, 1, logKey(queue), now, member, pacing.windowMs);
}
