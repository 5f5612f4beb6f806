import PQueue from 'p-queue';
import type { RetryableError } from '../errors.js';
import type { Pacing, RetryPolicy } from '../providers/provider.js';
import { AimdRate } from './aimd.js';
import { fullJitter } from './backoff.js';
import { SlidingWindow, WINDOW_GUARD } from './sliding-window.js';

/**
 * One lane per provider per run: every document and batch of the run goes through it, so the
 * engine's pacing holds however many documents are translated at once (`--jobs`).
 * - concurrency: p-queue (`pacing.concurrency` tasks at once; retries go first);
 * - rate: a sliding log, `rate` starts in any rolling `windowMs`, lowered after a 429 and
 *   recovered gradually (AIMD);
 * - a 429 pauses the whole lane: no request to the engine starts before its Retry-After (capped
 *   at `retry.maxRetryAfterMs`) or, without one, a backoff with full jitter.
 */
export class Scheduler {
  readonly pacing: Pacing;
  readonly retry: RetryPolicy;
  private readonly queue: PQueue;
  private readonly window: SlidingWindow;
  private readonly rate: AimdRate;
  private pausedUntil = 0;
  private lastDecrease = Number.NEGATIVE_INFINITY;
  private limitedInARow = 0;

  constructor(
    engine: { pacing: Pacing; retry: RetryPolicy },
    private readonly random: () => number = Math.random,
    private readonly now: () => number = Date.now,
  ) {
    this.pacing = engine.pacing;
    this.retry = engine.retry;
    this.queue = new PQueue({ concurrency: Math.max(1, engine.pacing.concurrency) });
    this.window = new SlidingWindow(engine.pacing.windowMs, engine.pacing.windowMs * WINDOW_GUARD);
    this.rate = new AimdRate(engine.pacing.rate);
  }

  /** The rate allowed now (requests per `windowMs`): the configured one, or less after a 429. */
  get currentRate(): number {
    return this.rate.current;
  }

  /**
   * Runs `request` once a concurrency slot is free, the lane is not paused and the rate allows
   * it. Aborting `signal` before it starts drops it (rejecting with the signal's reason); a
   * request already started is left to settle, so work paid for is delivered. (The signal is
   * not given to p-queue, which would reject a running task's promise too.)
   */
  run<T>(
    request: (hooks: { sent: () => void; pause: (ms: number) => void }) => Promise<T>,
    options: { signal: AbortSignal; retry?: boolean },
  ): Promise<T> {
    const { signal } = options;
    return this.queue.add(
      async () => {
        const stamp = await this.admit(signal);
        // The provider says when the request really left; the rate counts it from then.
        return request({
          sent: () => this.window.restamp(stamp, this.now()),
          pause: (ms) => this.pause(ms),
        });
      },
      { priority: options.retry ? 1 : 0 },
    );
  }

  /** A request succeeded: the rate climbs back towards its ceiling. */
  succeeded(): void {
    this.limitedInARow = 0;
    this.rate.increase();
  }

  /**
   * The engine said its window is spent (a successful answer with no request left): nothing
   * starts for `ms`, capped like a Retry-After, and the rate stays as it is (no 429 was met).
   */
  pause(ms: number): void {
    const until = this.now() + Math.min(ms, this.retry.maxRetryAfterMs);
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /**
   * A request met a 429: pause the lane and lower the rate (once per window, so a burst of 429s
   * from requests already in flight counts as one signal). Returns the pause in ms.
   */
  rateLimited(error: RetryableError): number {
    const now = this.now();
    this.limitedInARow += 1;
    const delayMs =
      error.retryAfterMs !== undefined
        ? Math.min(error.retryAfterMs, this.retry.maxRetryAfterMs)
        : fullJitter(this.limitedInARow, this.retry, this.random);
    this.pausedUntil = Math.max(this.pausedUntil, now + delayMs);
    if (now - this.lastDecrease >= this.pacing.windowMs) {
      this.rate.decrease();
      this.lastDecrease = now;
    }
    return Math.max(0, this.pausedUntil - now);
  }

  private async admit(signal: AbortSignal): Promise<{ at: number }> {
    for (;;) {
      signal.throwIfAborted();
      const now = this.now();
      const waitMs = Math.max(this.pausedUntil - now, this.window.waitMs(this.rate.current, now));
      if (waitMs <= 0) return this.window.record(now);
      await sleep(waitMs, signal);
    }
  }
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
