/**
 * Connections to the Redis server that scale-out runs share (BullMQ queues, the shared
 * translation memory). ioredis retries a lost connection by itself; here it gives up after a
 * bounded time so an unreachable or lost Redis is one clear line and exit 3, never a hang.
 * The URL's password never reaches a message: servers are named by host and port only.
 */
import type { Redis, RedisOptions } from 'ioredis';
import { ProviderError } from '../errors.js';

export interface RedisConnectOptions {
  /** How long to keep reconnecting to a lost server before giving up (ms). */
  reconnectForMs?: number;
}

/** `127.0.0.1:6379`: what messages show of a Redis URL. */
export function redisName(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new Error('not redis');
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    throw new ProviderError(`not a Redis URL: ${redactUrl(url)}`, {
      hint: 'Give --redis a URL such as redis://127.0.0.1:6379 (rediss:// for TLS).',
    });
  }
}

/** Options every Versio connection uses; BullMQ requires maxRetriesPerRequest null on workers. */
export function redisOptions(options: RedisConnectOptions = {}): RedisOptions {
  const giveUpAfter = options.reconnectForMs ?? 10_000;
  // ioredis counts attempts since the connection was lost; the budget is in time, not attempts.
  let lostAt: number | undefined;
  return {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (times: number) => {
      if (times === 1) lostAt = Date.now();
      if (Date.now() - (lostAt ?? Date.now()) > giveUpAfter) return null;
      return Math.min(times * 250, 1000);
    },
  };
}

/** Connects (or fails with exit 3 naming the server), with an error listener so no event goes unheard. */
export async function connectRedis(url: string, options: RedisConnectOptions = {}): Promise<Redis> {
  const name = redisName(url);
  const { Redis: RedisClient } = await import('ioredis');
  const client = new RedisClient(url, redisOptions(options));
  let last: unknown;
  client.on('error', (error) => {
    last = error;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw redisError(name, last ?? error);
  }
  return client;
}

/** A Redis failure as exit 3: which server, what happened, how to fix it. */
export function redisError(name: string, error: unknown): ProviderError {
  const code = (error as { code?: string }).code;
  const message = code ?? (error instanceof Error ? error.message : String(error));
  return new ProviderError(`cannot reach Redis at ${name}: ${message}`, {
    hint: 'Start Redis (redis-server) or fix --redis; nothing was lost: finished segments are in the memory.',
  });
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//[redacted]@');
}
