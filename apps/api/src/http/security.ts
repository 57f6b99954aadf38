import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '@riskmap/config/env';
import { HttpError } from './http-error.js';

/**
 * The origins a configured base map loads tiles from (`{s}`-style subdomain templates become `*.`), plus Tianditu when a key is set.
 * @example tileOrigins({ url: 'https://{a-c}.tile.example.org/{z}/{x}/{y}.png' }) // ['https://*.tile.example.org']
 */
export function tileOrigins(basemap: AppConfig['basemap']): string[] {
  const origins: string[] = [];
  const m = basemap.url ? /^(https?):\/\/([^/?#]+)/i.exec(basemap.url) : null;
  if (m) {
    const labels = m[2]!.split('.');
    if (labels[0]!.includes('{')) labels[0] = '*';
    if (!labels.slice(1).some((l) => l.includes('{'))) origins.push(`${m[1]!.toLowerCase()}://${labels.join('.')}`);
  }
  if (basemap.tiandituKey) origins.push('https://*.tianditu.gov.cn', 'http://*.tianditu.gov.cn');
  return origins;
}

/**
 * helmet with a Content-Security-Policy for the web app served from the same origin: maplibre's blob: workers,
 * data:/blob: images, inline styles, and the configured base-map tile origins; no upgrade-insecure-requests
 * (county intranets often serve plain http).
 * @example app.use(securityHeaders(config))
 */
export function securityHeaders(config: Readonly<AppConfig>): RequestHandler {
  const tiles = tileOrigins(config.basemap);
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:', ...tiles],
        'connect-src': ["'self'", ...tiles],
        'worker-src': ["'self'", 'blob:'],
        'child-src': ["'self'", 'blob:'],
        'font-src': ["'self'", 'data:'],
        'manifest-src': ["'self'"],
        'object-src': ["'none'"],
        'frame-ancestors': ["'self'"],
        'form-action': ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 31_536_000 });
  // HSTS only over HTTPS (a browser ignores it over plain HTTP, and intranets may serve only HTTP).
  return (req, res, next) => headers(req, res, (err?: unknown) => (err ? next(err) : req.secure ? hsts(req, res, next) : next()));
}

const EXPOSED = 'X-Request-Id, Content-Disposition, ETag, Retry-After, Last-Event-ID';
const ALLOWED_HEADERS = 'Content-Type, Authorization, Last-Event-ID, X-Request-Id, If-None-Match';

/**
 * CORS for the configured origins only (none by default: same origin). `*` allows any origin without credentials;
 * listed origins are echoed with credentials allowed. Answers preflights with 204.
 * @example app.use(cors(['https://gis.example.gov.cn']))
 */
export function cors(origins: readonly string[]): RequestHandler {
  const any = origins.includes('*');
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origins.length === 0 || !origin || (!any && !origins.includes(origin))) return next();
    res.vary('Origin');
    if (any && !origins.includes(origin)) res.set('Access-Control-Allow-Origin', '*');
    else res.set({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' });
    res.set('Access-Control-Expose-Headers', EXPOSED);
    if (req.method === 'OPTIONS' && req.get('access-control-request-method')) {
      res.set({
        'Access-Control-Allow-Methods': 'GET, HEAD, POST, PATCH, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': req.get('access-control-request-headers') ?? ALLOWED_HEADERS,
        'Access-Control-Max-Age': '600',
      });
      res.vary('Access-Control-Request-Headers');
      res.status(204).end();
      return;
    }
    next();
  };
}

/**
 * express.json with a size limit (413 `payload_too_large` naming the limit); import uploads are left to their raw parser.
 * @example app.use(jsonBody(5 * 1024 * 1024))
 */
export function jsonBody(maxBytes: number): RequestHandler {
  const json = express.json({ limit: maxBytes });
  return (req, res, next) => {
    if (req.path.startsWith('/api/imports/')) return next();
    json(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type === 'entity.too.large') {
        return next(new HttpError(413, 'payload_too_large', `the request body is larger than ${maxBytes} bytes (JSON_MAX_BYTES)`, { field: 'body', limitBytes: maxBytes }));
      }
      next(err);
    });
  };
}
