import type { Request } from 'express';

/** The challenge sent with 401 to clients that can answer it (curl, GDAL, QGIS, ArcGIS). */
export const BASIC_CHALLENGE = 'Basic realm="riskmap", charset="UTF-8"';

/**
 * The username and password of an `Authorization: Basic …` header (UTF-8), undefined when the header is
 * another scheme, or null when it is Basic but malformed.
 * @example basicCredentials(req) // { username: 'planner', password: '…' }
 */
export function basicCredentials(req: Request): { username: string; password: string } | null | undefined {
  const m = req.get('authorization')?.match(/^Basic\s+([A-Za-z0-9+/=]*)\s*$/i);
  if (!m) return /^Basic\b/i.test(req.get('authorization') ?? '') ? null : undefined;
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 1 || text.length > 1200) return null;
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

/**
 * Whether a 401 to this request should carry `WWW-Authenticate: Basic`: yes for GIS clients, curl, page
 * navigations and any request that sent Basic credentials; no for the web app's own scripts (a same-origin
 * fetch), where a browser would otherwise open its native password dialog instead of the app's sign-in.
 * @example if (wantsBasicChallenge(req)) res.set('WWW-Authenticate', BASIC_CHALLENGE)
 */
export function wantsBasicChallenge(req: Request): boolean {
  if (/^Basic\b/i.test(req.get('authorization') ?? '')) return true;
  return !(req.get('sec-fetch-site') === 'same-origin' && req.get('sec-fetch-mode') !== 'navigate');
}
