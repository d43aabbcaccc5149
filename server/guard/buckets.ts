// Token buckets by key (an address, a seat, a code): bursts are fine, floods
// are slowed. The number of keys kept is bounded, so a flood of new keys
// cannot grow memory: full buckets are forgotten first, as they hold nothing.
export class Buckets {
  private readonly map = new Map<string, { tokens: number; at: number }>();
  readonly capacity: number;
  readonly perSecond: number;
  private readonly maxKeys: number;

  constructor(capacity: number, perSecond: number, maxKeys = 10_000) {
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.maxKeys = maxKeys;
  }

  /** Tokens left for `key` at `now` (ms). */
  level(key: string, now: number): number {
    const b = this.map.get(key);
    if (!b) return this.capacity;
    return Math.min(this.capacity, b.tokens + ((now - b.at) / 1000) * this.perSecond);
  }

  /** Takes `cost` tokens; false (and nothing taken) when there are not enough. */
  take(key: string, now: number, cost = 1): boolean {
    const tokens = this.level(key, now);
    if (tokens < cost) return false;
    this.set(key, tokens - cost, now);
    return true;
  }

  /** Takes up to `cost` tokens, never below zero: for counting failures. */
  spend(key: string, now: number, cost = 1): void {
    this.set(key, Math.max(0, this.level(key, now) - cost), now);
  }

  /** Seconds until `cost` tokens are back. */
  waitSeconds(key: string, now: number, cost = 1): number {
    const missing = cost - this.level(key, now);
    return missing <= 0 ? 0 : Math.ceil(missing / this.perSecond);
  }

  forget(key: string): void {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }

  private set(key: string, tokens: number, now: number): void {
    this.map.delete(key);
    this.map.set(key, { tokens, at: now });
    if (this.map.size > this.maxKeys) this.evict(now);
  }

  /** Drops refilled buckets; if all are still draining, the oldest go. */
  private evict(now: number): void {
    for (const [k] of this.map) if (this.level(k, now) >= this.capacity) this.map.delete(k);
    for (const [k] of this.map) {
      if (this.map.size <= this.maxKeys) break;
      this.map.delete(k);
    }
  }
}
