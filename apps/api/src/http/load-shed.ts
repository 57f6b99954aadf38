import type { RequestHandler } from 'express';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { HttpError } from './http-error.js';

/** Paths answered even while shedding: health (so a balancer sees "degraded", not silence) and signing out. */
const NEVER_SHED = /^\/api\/(health|auth\/logout)$/;
/** Cancelling an import or a siting run only lightens the load: never shed. */
const CANCEL = /^\/api\/(imports\/jobs|siting\/jobs)\/[\w-]{1,64}$/;

const exempt = (method: string, path: string) => method === 'OPTIONS' || NEVER_SHED.test(path) || (method === 'DELETE' && CANCEL.test(path));

let histogram: IntervalHistogram | undefined;
let lagMs = 0;
let threshold = 0;
let timer: NodeJS.Timeout | undefined;

/** The event loop's recent lag (ms, the p99 of the last 500 ms window) and whether requests are shed now. */
export function eventLoopLagMs(): number {
  return lagMs;
}
export function loadShedding(): boolean {
  return threshold > 0 && lagMs > threshold;
}

/**
 * Shed load while the event loop lags: every 500 ms the p99 of the event-loop delay is sampled
 * (perf_hooks.monitorEventLoopDelay); above `lagLimitMs` requests other than /api/health, sign-out and the
 * cancel of an import or siting run get 503
 * `overloaded` with Retry-After: 1 at once, instead of queueing behind the work that stalls the loop.
 * 0 disables. One monitor per process, shared by every app built in it.
 * @example app.use(loadShed(config.resilience.shedLagMs))
 */
export function loadShed(lagLimitMs: number): RequestHandler {
  threshold = lagLimitMs;
  if (lagLimitMs > 0 && !histogram) {
    histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    timer = setInterval(() => {
      lagMs = histogram!.percentile(99) / 1e6;
      histogram!.reset();
    }, 500);
    timer.unref();
  }
  return (req, res, next) => {
    if (!loadShedding() || exempt(req.method, req.path)) return next();
    res.set('Retry-After', '1');
    next(new HttpError(503, 'overloaded', `the server is overloaded (event loop lag ${Math.round(lagMs)} ms); try again shortly`, { retryAfterSeconds: 1, lagMs: Math.round(lagMs) }));
  };
}
