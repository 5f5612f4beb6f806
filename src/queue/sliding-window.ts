/**
 * A sliding-log rate limit: at most `limit` starts in any rolling window of `windowMs`. Unlike
 * fixed windows (p-queue's `interval`), which let up to twice the limit through around a window
 * edge, every start is checked against the `limit`-th previous one.
 */

/**
 * Share of the window added as a guard against the jitter between a request leaving (the
 * provider's `sent` hook) and the server counting it: 50 ms on a 1 s window. At 2 % a loaded
 * machine (load average 24 on 2 cores) let 6 into a server's rolling second. The scheduler's
 * window and the one all workers share in Redis (src/scale/sliding-window.ts) both use it.
 */
export const WINDOW_GUARD = 0.05;

export class SlidingWindow {
  private readonly starts: { at: number }[] = [];

  /**
   * `guardMs` widens the window as we count it: a request is counted on the server's clock when
   * it arrives, and two requests sent a window apart can arrive a few ms closer.
   */
  constructor(
    private readonly windowMs: number,
    private readonly guardMs = 0,
  ) {}

  /** Ms to wait before one more start keeps `limit` (≥ 1) starts per window; 0 when it may start now. */
  waitMs(limit: number, now: number): number {
    if (!Number.isFinite(limit)) return 0;
    const span = this.windowMs + this.guardMs;
    while (this.starts.length > 0 && (this.starts[0]?.at ?? 0) <= now - span) this.starts.shift();
    const allowed = Math.max(1, Math.floor(limit));
    if (this.starts.length < allowed) return 0;
    const oldest = this.starts[this.starts.length - allowed]?.at ?? now;
    return Math.max(1, oldest + span - now);
  }

  /** Counts a start at `now`; the returned stamp moves it later when the request really left (`restamp`). */
  record(now: number): { at: number } {
    const stamp = { at: now };
    this.starts.push(stamp);
    return stamp;
  }

  /**
   * The request admitted at `stamp` went on the wire only at `now` (the event loop was busy, a
   * connection was opened): count it from then, as the server will.
   */
  restamp(stamp: { at: number }, now: number): void {
    if (now <= stamp.at) return;
    stamp.at = now;
    this.starts.sort((a, b) => a.at - b.at);
  }
}
