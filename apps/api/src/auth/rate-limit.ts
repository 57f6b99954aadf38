/**
 * An in-memory limiter of failed login attempts per key in a sliding window: `maxFailures` per key,
 * `maxPerAddress` for keys starting with `ip:` (one office may share an address).
 * @example const limiter = new LoginLimiter(10, 15 * 60_000); if (limiter.blockedFor(['ip:1.2.3.4', 'user:li'])) …
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
    private readonly maxPerAddress = 50,
  ) {}

  /** Milliseconds until any of the keys may try again (0 when none is blocked). */
  blockedFor(keys: string[], now = Date.now()): number {
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= (key.startsWith('ip:') ? this.maxPerAddress : this.maxFailures)) wait = Math.max(wait, recent[0]! + this.windowMs - now);
    }
    return wait;
  }

  /** Record a failed attempt for every key. */
  fail(keys: string[], now = Date.now()): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 10_000) this.prune(now);
  }

  /** Forget the failures of a key (after a successful login). */
  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }

  private prune(now: number): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key, now).length === 0) this.failures.delete(key);
    }
  }
}
