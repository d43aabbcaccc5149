// A token bucket per participant: bursts are fine, floods are slowed and told.
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  readonly capacity: number;
  readonly perSecond: number;

  constructor(capacity = 20, perSecond = 5) {
    this.capacity = capacity;
    this.perSecond = perSecond;
  }

  /** Takes one token for `key` at time `now` (ms); false when the bucket is empty. */
  take(key: string, now: number): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    b.tokens = Math.min(this.capacity, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(key, b);
    return ok;
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }
}
