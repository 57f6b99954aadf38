import { createHash } from 'node:crypto';
import { Router } from 'express';
import { isThinnable, isTileAddress, layerSummary, layerTile, type LayerSummary } from '@riskmap/db';
import { readableLayers } from '../ogc/layer-access.js';
import { layerProperties } from '../ogc/collection-schema.js';
import { mapStyle, tileJson } from '../tiles/tile-documents.js';
import { tileBudget } from '../tiles/tile-budget.js';
import { rankingWarmer } from '../tiles/ranking-warmer.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { notFound } from '../http/error-middleware.js';
import { readableLayer } from '../ogc/layer-access.js';
import { mountRoute } from '../http/mount-route.js';
import { MVT_TYPE, tileJsonRoute, tileMvt, tileStyle } from '@riskmap/contract';

export { MVT_TYPE };

/** The tile fields of a layer as the role sees them: scalar properties with their JSON types. */
async function tileFields(deps: AppDeps, readable: Parameters<typeof layerProperties>[1]): Promise<Record<string, string>> {
  const p = await layerProperties(deps.db, readable);
  const out: Record<string, string> = {};
  for (const [name, s] of Object.entries(p.properties)) {
    if (name === 'id' || name === 'createdAt' || name === 'updatedAt' || typeof s.type !== 'string' || s.type === 'object' || s.type === 'array') continue;
    out[name] = s.type;
  }
  return out;
}

/**
 * `GET /tiles/style.json` (and `/style.json`): the MapLibre style of the layers the caller may read.
 * @example app.get('/style.json', authenticate(deps), styleHandler(deps))
 */
export function styleHandler(deps: AppDeps): (req: import('express').Request, res: import('express').Response) => Promise<void> {
  return async (req, res) => {
    const origin = `${req.protocol}://${req.get('host')}`;
    const layers = readableLayers(req, res);
    const publicOnly = !res.locals.user;
    const summaries: LayerSummary[] = await Promise.all(layers.map((d) => layerSummary(deps.db, d, { publicOnly })));
    res.set({ 'Cache-Control': 'private, max-age=60', Vary: 'Authorization, Cookie' }).json(mapStyle(origin, summaries, deps.config.domain));
  };
}

interface CachedTile {
  bytes: Uint8Array;
  etag: string;
}

/**
 * `GET /tiles/:layer/:z/:x/:y.mvt` with an in-process cache keyed by the layer's change version
 * (so an edit published on the change bus invalidates it), ETag / If-None-Match and Cache-Control. The same version
 * keys the layer's thinning ranking (read once per revision, see layerTile `revision`; after a change to a layer
 * whose thinned tiles are being viewed, the new revision's ranking is read ahead, see rankingWarmer).
 * @example app.use('/tiles', tilesRouter(deps))
 */
export function tilesRouter(deps: AppDeps, maxCached = 4000): Router {
  const router = Router();
  const cache = new Map<string, CachedTile>();
  const warmer = rankingWarmer(deps);

  mountRoute(router, tileStyle, styleHandler(deps));

  mountRoute(router, tileJsonRoute, async (req, res, { params: { layer } }) => {
    const readable = readableLayer(req, res, layer, 'layer');
    const origin = `${req.protocol}://${req.get('host')}`;
    const [summary, fields] = await Promise.all([layerSummary(deps.db, readable.d, { publicOnly: readable.publicOnly }), tileFields(deps, readable)]);
    res.set({ 'Cache-Control': 'private, max-age=60', Vary: 'Authorization, Cookie' }).json(tileJson(origin, summary, fields));
  });

  mountRoute(router, tileMvt, async (req, res, { params: p }) => {
    const readable = readableLayer(req, res, p.layer, 'layer');
    const t = { z: p.z, x: p.x, y: p.y };
    if (!isTileAddress(t)) throw new HttpError(400, 'invalid_input', `${t.z}/${t.x}/${t.y} is not a tile: x and y must be below 2^z`, { fields: [{ field: 'x', message: 'x and y must be below 2^z' }] });
    const audience = readable.publicOnly ? 'public' : 'full';
    const revision = deps.changes.layerVersion(readable.d.id);
    if (isThinnable(readable.d) && t.z < deps.config.gis.tileFullDetailZoom) warmer.viewed(readable.d, readable.publicOnly);
    const key = `${readable.d.id}|${audience}|${revision}|${t.z}/${t.x}/${t.y}`;
    let tile = cache.get(key);
    if (tile) {
      cache.delete(key); // re-insert: the Map's order is the LRU order
    } else {
      const bytes = await layerTile(deps.db, deps.backend, readable.d, t, { budget: tileBudget(deps.config), revision, ...(readable.publicOnly ? { allowedColumns: readable.visibleColumns, publicOnly: true } : {}) });
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
