/**
 * A sliding-log rate limit: at most `limit` starts in any rolling window of `windowMs`. Unlike
 * fixed windows (p-queue's `interval`), which let up to twice the limit through around a window
 * edge, every start is checked against the `limit`-th previous one.
 */
export class SlidingWindow {
  private readonly starts: number[] = [];

  /**
   * `guardMs` widens the window as we count it: a request is released on our clock and counted
   * on the server's when it arrives, and two releases a window apart can arrive a few ms closer.
   */
  constructor(
    private readonly windowMs: number,
    private readonly guardMs = 0,
  ) {}

  /** Ms to wait before one more start keeps `limit` (≥ 1) starts per window; 0 when it may start now. */
  waitMs(limit: number, now: number): number {
    if (!Number.isFinite(limit)) return 0;
    const span = this.windowMs + this.guardMs;
    while (this.starts.length > 0 && (this.starts[0] ?? 0) <= now - span) this.starts.shift();
    const allowed = Math.max(1, Math.floor(limit));
    if (this.starts.length < allowed) return 0;
    const oldest = this.starts[this.starts.length - allowed] ?? now;
    return Math.max(1, oldest + span - now);
  }

  record(now: number): void {
    this.starts.push(now);
  }
}
