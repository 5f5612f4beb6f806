/**
 * The provider's rate limit for every worker together, as a sliding log in Redis: a request
 * may start when fewer than `rate` requests count in the window, across all machines.
 * BullMQ's own limiter counts jobs in fixed windows, which lets up to twice the rate into a
 * rolling window; the check and the insert run in one Lua script, so two workers never both
 * take the last slot. When no slot is free the worker pauses the whole queue (queue.rateLimit).
 *
 * The server counts a request when it arrives, some time after its worker took the slot (the
 * client building and sending it: hundreds of ms on a loaded machine). So a slot counts from
 * when it is taken, as in flight, until its request is on the wire (the provider's `sent` hook:
 * deepl-node handed the whole request to the OS); from then on it is dated on Redis's clock, read
 * after that moment, plus the guard for the network (WINDOW_GUARD), and counts one window more.
 * (The OpenAI-compatible and LibreTranslate engines call `sent` just before sending: for them the
 * guard also covers building the request, as in the local scheduler.) A request arrives after its slot was taken and before it is dated, so no delay
 * between taking and sending can put more than `rate` arrivals in a window; and a slot costs the
 * window, the guard and the time to send, not the server's latency. A request that never reports
 * `sent` is dated when it finished (it arrived before its answer); a worker that dies mid-request
 * frees its slot after `holdMs`. The first version dated slots when taken (7 arrivals in a second
 * under load); the second held them until a window after the answer (83 % of the limit).
 */
import type { Redis } from 'ioredis';
import type { Pacing } from '../providers/provider.js';
import { WINDOW_GUARD } from '../queue/sliding-window.js';

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

// KEYS[1] log; ARGV: offset, member, window, 'sent' | 'finished'. Dates a slot at Redis's now +
// `offset`, read here (after the request left). Sent: always (a call that sends again, such as a
// chat model asked a second time, is dated by its last request). Finished: only earlier (LT), so
// the answer never moves the date a request was sent with. XX: a slot already gone stays gone.
const DATE = `
local time = redis.call('time')
local at = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) + tonumber(ARGV[1])
if ARGV[4] == 'sent' then
  redis.call('zadd', KEYS[1], 'XX', at, ARGV[2])
else
  redis.call('zadd', KEYS[1], 'XX', 'LT', at, ARGV[2])
end
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

/**
 * The slot's request is on the wire: it counts one window (and the guard) from now. Called from
 * the provider's `sent` hook, so it may come before or after the request finished.
 */
export async function sentSlot(redis: Redis, queue: string, pacing: Pacing, member: string): Promise<void> {
  if (!Number.isFinite(pacing.rate)) return;
  const guard = Math.ceil(pacing.windowMs * WINDOW_GUARD);
  await redis.eval(DATE, 1, logKey(queue), guard, member, pacing.windowMs + guard, 'sent');
}

/**
 * The slot's request finished (answered, failed or aborted): unless `sent` dated it earlier, it
 * counts one window from now (it reached the server, if at all, before now).
 */
export async function finishSlot(redis: Redis, queue: string, pacing: Pacing, member: string): Promise<void> {
  if (!Number.isFinite(pacing.rate)) return;
  await redis.eval(DATE, 1, logKey(queue), 0, member, pacing.windowMs, 'finished');
}
