import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AimdRate } from '../../src/queue/aimd.js';
import { SlidingWindow } from '../../src/queue/sliding-window.js';

/** Most starts in any window of `windowMs` (a window ending at each start). */
function busiest(starts: readonly number[], windowMs: number): number {
  return Math.max(0, ...starts.map((t) => starts.filter((u) => u > t - windowMs && u <= t).length));
}

describe('SlidingWindow', () => {
  it('never lets more than `limit` starts into any rolling window, whenever requests arrive', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 10, max: 1000 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 60 }),
        (limit, windowMs, arrivals) => {
          const window = new SlidingWindow(windowMs);
          const starts: number[] = [];
          let clock = 0;
          for (const arrival of [...arrivals].sort((a, b) => a - b)) {
            clock = Math.max(clock, arrival);
            // A request waits as long as the window says, then starts.
            for (let wait = window.waitMs(limit, clock); wait > 0; wait = window.waitMs(limit, clock))
              clock += wait;
            window.record(clock);
            starts.push(clock);
          }
          expect(busiest(starts, windowMs)).toBeLessThanOrEqual(limit);
        },
      ),
    );
  });

  it('lets `limit` requests start at once, then waits for the oldest to leave the window', () => {
    const window = new SlidingWindow(1000);
    for (let i = 0; i < 5; i++) {
      expect(window.waitMs(5, 100 + i)).toBe(0);
      window.record(100 + i);
    }
    expect(window.waitMs(5, 200)).toBe(900);
    expect(window.waitMs(5, 1100)).toBe(0);
  });

  it('a guard widens the window it counts', () => {
    const window = new SlidingWindow(1000, 50);
    window.record(0);
    expect(window.waitMs(1, 1000)).toBe(50);
  });
});

describe('AimdRate', () => {
  it('halves after a 429, never below 1, and climbs back to the ceiling, never above it', () => {
    const rate = new AimdRate(8);
    rate.decrease();
    expect(rate.current).toBe(4);
    for (let i = 0; i < 10; i++) rate.decrease();
    expect(rate.current).toBe(1);
    let successes = 0;
    while (rate.current < 8) {
      rate.increase();
      successes++;
    }
    expect(rate.current).toBe(8);
    // Additive: about one request per window's worth of successes, not a jump.
    expect(successes).toBeGreaterThan(8);
    rate.increase();
    expect(rate.current).toBe(8);
  });
});
