/**
 * The provider's rate limit for every worker together, as a sliding log in Redis: a request
 * may start when fewer than `rate` started in the last `windowMs`, across all machines.
 * BullMQ's own limiter counts jobs in fixed windows, which lets up to twice the rate into a
 * rolling window; the check and the insert run in one Lua script, so two workers never both
 * take the last slot. When no slot is free the worker pauses the whole queue (queue.rateLimit)
 * until the oldest request leaves the window.
 */
import type { Redis } from 'ioredis';
import type { Pacing } from '../providers/provider.js';

// KEYS[1] log; ARGV: now, window, rate, member. Returns 0 when taken, else ms to wait.
const TAKE = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('zremrangebyscore', KEYS[1], '-inf', now - window)
if redis.call('zcard', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('zadd', KEYS[1], now, ARGV[4])
  redis.call('pexpire', KEYS[1], window)
  return 0
end
local oldest = redis.call('zrange', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;

let counter = 0;

/** Takes a start slot, or says how long to wait for one (ms). */
export async function takeSlot(redis: Redis, queue: string, pacing: Pacing): Promise<number> {
  counter += 1;
  const member = `${process.pid}-${Date.now()}-${counter}-${Math.random()}`;
  // Redis's clock, not ours: workers on machines with skewed clocks still share one window.
  const [seconds, micros] = await redis.time();
  const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  const wait = await redis.eval(TAKE, 1, `versio:rate:${queue}`, now, pacing.windowMs, pacing.rate, member);
  return Number(wait);
}
