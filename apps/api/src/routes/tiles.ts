import { createHash } from 'node:crypto';
import { Router } from 'express';
import { isTileAddress, layerTile } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { notFound } from '../http/error-middleware.js';
import { readableLayer } from '../ogc/layer-access.js';
import { defineOperation } from '../openapi/registry.js';
import { TileParams } from '../openapi/reading-schemas.js';

export const MVT_TYPE = 'application/vnd.mapbox-vector-tile';

const tileOp = defineOperation({
  method: 'get',
  path: '/tiles/{layer}/{z}/{x}/{y}.mvt',
  summary: 'A Mapbox Vector Tile of a layer (one MVT layer named by the layer id; feature id = record id)',
  description: 'ETag changes when the layer changes; send If-None-Match to get 304. Anonymous users get public layers, rows and properties only.',
  tags: ['tiles'],
  params: TileParams,
  responses: {
    200: { description: 'the tile (empty body when no feature touches it)', contentType: MVT_TYPE },
    304: { description: 'not modified' },
    400: { description: 'not a tile address' },
    401: { description: 'layer not public; sign in' },
    404: { description: 'unknown layer' },
  },
});

interface CachedTile {
  bytes: Uint8Array;
  etag: string;
}

/**
 * `GET /tiles/:layer/:z/:x/:y.mvt` with an in-process cache keyed by the layer's change version
 * (so an edit published on the change bus invalidates it), ETag / If-None-Match and Cache-Control.
 * @example app.use('/tiles', tilesRouter(deps))
 */
export function tilesRouter(deps: AppDeps, maxCached = 4000): Router {
  const router = Router();
  const cache = new Map<string, CachedTile>();

  router.get('/:layer/:z/:x/:y.mvt', async (req, res) => {
    const p = tileOp.params.parse(req.params);
    const readable = readableLayer(req, res, p.layer, 'layer');
    const t = { z: p.z, x: p.x, y: p.y };
    if (!isTileAddress(t)) throw new HttpError(400, 'invalid_input', `${t.z}/${t.x}/${t.y} is not a tile: x and y must be below 2^z`, { fields: [{ field: 'x', message: 'x and y must be below 2^z' }] });
    const audience = readable.publicOnly ? 'public' : 'full';
    const key = `${readable.d.id}|${audience}|${deps.changes.layerVersion(readable.d.id)}|${t.z}/${t.x}/${t.y}`;
    let tile = cache.get(key);
    if (tile) {
      cache.delete(key); // re-insert: the Map's order is the LRU order
    } else {
      const bytes = await layerTile(deps.db, deps.backend, readable.d, t, readable.publicOnly ? { allowedColumns: readable.visibleColumns, publicOnly: true } : {});
      tile = { bytes, etag: `"${createHash('sha1').update(key).update(bytes).digest('base64url').slice(0, 27)}"` };
      if (cache.size >= maxCached) cache.delete(cache.keys().next().value!);
    }
    cache.set(key, tile);
    res.set({
      ETag: tile.etag,
      'Cache-Control': `${readable.publicOnly ? 'public' : 'private'}, max-age=0, must-revalidate`,
      Vary: 'Authorization, Cookie',
    });
    if (req.get('if-none-match')?.split(/\s*,\s*/).includes(tile.etag)) {
      res.status(304).end();
      return;
    }
    res.type(MVT_TYPE).send(Buffer.from(tile.bytes.buffer, tile.bytes.byteOffset, tile.bytes.byteLength));
  });

  router.use(notFound);
  return router;
}
