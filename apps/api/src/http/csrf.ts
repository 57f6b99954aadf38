import type { Request, RequestHandler } from 'express';
import { SESSION_COOKIE, parseCookies } from '../auth/cookie.js';
import { HttpError } from './http-error.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the request authenticates by the session cookie only (no Authorization header, no API key). */
export function cookieAuthenticated(req: Request): boolean {
  if (req.get('authorization') || req.get('x-api-key')) return false;
  return Boolean(parseCookies(req.get('cookie'))[SESSION_COOKIE]);
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Cross-site request forgery defence for cookie-authenticated unsafe requests (POST, PATCH, DELETE …): the browser's
 * `Sec-Fetch-Site` must say same-origin (or none: typed by the user), else `Origin` must name this host or a
 * configured CORS origin; without either header the request is refused. Bearer, Basic and API-key requests are not
 * affected (a browser never adds those by itself). 403 `csrf_rejected` naming the header.
 * @example app.use(csrfGuard(config.http.corsOrigins))
 */
export function csrfGuard(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins.filter((o) => o !== '*').map((o) => o.toLowerCase()));
  return (req, _res, next) => {
    if (SAFE.has(req.method) || !cookieAuthenticated(req)) return next();
    const site = req.get('sec-fetch-site')?.toLowerCase();
    const origin = req.get('origin');
    if (site === 'same-origin' || site === 'none') return next();
    if (site && site !== 'same-site' && !(origin && allowed.has(origin.toLowerCase()))) {
      throw new HttpError(403, 'csrf_rejected', `a signed-in request from another site (Sec-Fetch-Site: ${site}) is refused`, { field: 'Sec-Fetch-Site' });
    }
    if (!origin) throw new HttpError(403, 'csrf_rejected', 'a cookie-authenticated change needs an Origin header (or use a Bearer token)', { field: 'Origin' });
    if (allowed.has(origin.toLowerCase()) || hostOf(origin) === req.get('host')?.toLowerCase()) return next();
    throw new HttpError(403, 'csrf_rejected', `a signed-in request from origin ${origin} is refused`, { field: 'Origin' });
  };
}

const JSON_TYPE = /^application\/([\w.+-]*\+)?json$/i;

/**
 * Unsafe requests with a body on JSON routes must send a JSON Content-Type (`application/json`, `application/*+json`):
 * others (text/plain, form encodings — what a cross-site form can send) get 415 naming `Content-Type`. Imports take
 * raw files and are left to their own parser.
 * @example app.use(jsonOnly())
 */
/** Routes whose body is a file, not JSON: imports, and hidden-hazard attachments (type-checked by their bytes there). */
const RAW_BODY_ROUTES = [/^\/api\/imports\//, /^\/api\/hidden-hazards\/\d+\/attachments$/];

export function jsonOnly(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method) || RAW_BODY_ROUTES.some((r) => r.test(req.path))) return next();
    const length = Number(req.get('content-length') ?? 0);
    if (!(length > 0 || req.get('transfer-encoding'))) return next();
    const type = (req.get('content-type') ?? '').split(';')[0]!.trim();
    if (JSON_TYPE.test(type)) return next();
    throw new HttpError(415, 'unsupported_media_type', `send JSON (Content-Type: application/json), not ${type || 'no Content-Type'}`, { field: 'Content-Type' });
  };
}
