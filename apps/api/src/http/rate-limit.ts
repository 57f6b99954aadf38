import type { Request, RequestHandler } from 'express';
import { HttpError } from './http-error.js';
import { roleOf } from './role.js';

/**
 * In-memory token buckets per key: each holds up to `burst` tokens and refills `perSecond` per second;
 * a request takes one token or waits.
 * @example const b = new TokenBuckets(20, 300); b.take('ip:1.2.3.4') // 0 (allowed) or ms to wait
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  /** Take `cost` tokens (at most the burst) for `key`: 0 when allowed, otherwise the milliseconds until they are available. */
  take(key: string, now = Date.now(), cost = 1): number {
    cost = Math.min(Math.max(cost, 1), this.burst);
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (this.buckets.size > 50_000) this.prune(now);
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return 0;
    }
    return Math.ceil(((cost - b.tokens) / this.perSecond) * 1000);
  }

  private prune(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
  }
}

/** Signing in and out stays possible when an address is limited (the login route limits failures itself). */
const EXEMPT = /^\/api\/auth\//;

/**
 * Rate-limit anonymous (public-role) requests per client address (req.ip, so X-Forwarded-For only from a trusted
 * proxy); signed-in users and /api/auth/* are not limited here. Answers 429 `rate_limited` with Retry-After.
 * Mount after authentication. A no-op when disabled.
 * @example api.use(authenticate(deps), publicRateLimit(config.http.rateLimit))
 */
export function publicRateLimit(
  options: { enabled: boolean; perSecond: number; burst: number },
  buckets = new TokenBuckets(options.perSecond, options.burst),
  cost: (req: Request) => number = () => 1,
): RequestHandler {
  return (req, res, next) => {
    if (!options.enabled || req.method === 'OPTIONS' || EXEMPT.test(req.originalUrl) || roleOf(req, res) !== 'public') return next();
    const waitMs = buckets.take(`ip:${req.ip}`, Date.now(), cost(req));
    if (waitMs === 0) return next();
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    res.set('Retry-After', String(seconds));
    next(new HttpError(429, 'rate_limited', `too many requests from this address; try again in ${seconds} s (or sign in)`, { retryAfterSeconds: seconds }));
  };
}

/**
 * The token cost of an anonymous request: 1 for most, `analyticsCost` for an analytics answer, scaled by
 * (500 m / cell)² for gridded ones (a 100 m grid is 25 times the work of a 500 m one), so heavy requests
 * drain an address's bucket quickly and cannot starve the finder.
 * @example publicRateLimit(options, undefined, requestCost(config.resilience.public.analyticsCost))
 */
export function requestCost(analyticsCost: number): (req: Request) => number {
  return (req) => {
    if (!req.originalUrl.startsWith('/api/analytics/')) return 1;
    const cell = Number(req.query.cell);
    const scale = Number.isFinite(cell) && cell > 0 ? Math.max(1, (500 / cell) ** 2) : 1;
    return Math.ceil(analyticsCost * scale);
  };
}
