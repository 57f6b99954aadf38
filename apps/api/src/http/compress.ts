import compression from 'compression';
import type { RequestHandler } from 'express';
import { constants } from 'node:zlib';

const MVT = /^application\/(vnd\.mapbox-vector-tile|x-protobuf)/;

/**
 * gzip or brotli (by Accept-Encoding) for every compressible response over 1 KB — JSON, GeoJSON, HTML,
 * JavaScript, CSS, CSV, vector tiles — but never the live event stream (text/event-stream must flush
 * each event as it happens).
 * @example app.use(compress())
 */
export function compress(): RequestHandler {
  return compression({
    threshold: 1024,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    filter: (req, res) => {
      const type = String(res.getHeader('Content-Type') ?? '');
      if (type.startsWith('text/event-stream')) return false;
      if (MVT.test(type)) return true;
      return compression.filter(req, res);
    },
  }) as RequestHandler;
}
