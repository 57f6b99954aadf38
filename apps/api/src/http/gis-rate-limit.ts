import type { Request, RequestHandler } from 'express';
import { HttpError } from './http-error.js';
import { roleOf } from './role.js';

/**
 * The cost of an anonymous GIS read: a vector tile 1, any revalidation (If-None-Match: answered 304 from the
 * cache without building anything) 0.25, an OGC items page 1 per started 100 features asked for, any other
 * OGC document 1.
 * @example gisCost(req) // 10 for /ogc/collections/x/items?limit=1000
 */
export function gisCost(req: Request): number {
  if (req.get('if-none-match')) return 0.25;
  if (/\/items\/?$/.test(req.path)) {
    const limit = Number(req.query.limit ?? 100);
    return Math.max(1, Math.ceil((Number.isFinite(limit) ? Math.min(limit, 10_000) : 100) / 100));
  }
  return 1;
}

/**
 * Cost-weighted token buckets per address for anonymous tile and OGC reads, separate from (and much larger than)
 * the API's own budget, so a desktop client panning (hundreds of cheap, mostly cached tiles) is not throttled
 * while a scraper pulling whole layers page after page is: 429 `rate_limited` with Retry-After. Signed-in
 * callers are not limited here.
 * @example app.use('/tiles', authenticate(deps), gisRateLimit({ enabled: true, perSecond: 200, burst: 3000 }), tilesRouter(deps))
 */
export function gisRateLimit(options: { enabled: boolean; perSecond: number; burst: number }): RequestHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (req, res, next) => {
    if (!options.enabled || req.method === 'OPTIONS' || roleOf(req, res) !== 'public') return next();
    const now = Date.now();
    const key = req.ip ?? '';
    const b = buckets.get(key) ?? { tokens: options.burst, at: now };
    b.tokens = Math.min(options.burst, b.tokens + ((now - b.at) / 1000) * options.perSecond);
    b.at = now;
    buckets.set(key, b);
    if (buckets.size > 50_000) buckets.clear();
    const cost = gisCost(req);
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return next();
    }
    const seconds = Math.max(1, Math.ceil((cost - b.tokens) / options.perSecond));
    res.set('Retry-After', String(seconds));
    next(new HttpError(429, 'rate_limited', `too many map requests from this address; try again in ${seconds} s (or sign in)`, { retryAfterSeconds: seconds, cost }));
  };
}
