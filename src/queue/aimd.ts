/**
 * Additive increase, multiplicative decrease (TCP congestion control, RFC 5681 §3.1): after a
 * 429 the allowed rate halves; every success adds 1/rate, so the rate climbs back by about one
 * request per window's worth of successes, never above the configured ceiling.
 */
export class AimdRate {
  private value: number;

  constructor(private readonly ceiling: number) {
    this.value = ceiling;
  }

  get current(): number {
    return this.value;
  }

  decrease(): void {
    if (!Number.isFinite(this.value)) return;
    this.value = Math.max(1, this.value / 2);
  }

  increase(): void {
    if (!Number.isFinite(this.ceiling)) return;
    this.value = Math.min(this.ceiling, this.value + 1 / this.value);
  }
}
