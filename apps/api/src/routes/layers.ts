import { Router, type Request } from 'express';
import { z } from 'zod';
import { countLayer, getLayer, layerCatalogue } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { roleOf } from '../http/role.js';
import { readableLayer } from '../ogc/layer-access.js';
import { layerQuery, urlWith } from '../ogc/layer-request.js';
import { defineOperation } from '../openapi/registry.js';
import { LayerIdParams, LayerItemsQuery } from '../openapi/reading-schemas.js';

const catalogueOp = defineOperation({
  method: 'get',
  path: '/api/layers',
  summary: 'Layer catalogue: id, title (zh/en), geometry type, feature count, extent, public or not',
  description: 'Anonymous users see only the public layers, counted as they may see them.',
  tags: ['layers'],
  query: z.object({}),
  responses: { 200: { description: 'the layers', contentType: 'application/json' } },
});

const itemsOp = defineOperation({
  method: 'get',
  path: '/api/layers/{id}',
  summary: 'A layer as a GeoJSON FeatureCollection, filtered and paged',
  description:
    'Any query parameter other than bbox, limit, offset and fields filters on a property (e.g. ?level=1&status=open; repeat a parameter to accept several values). ' +
    'Unknown or non-filterable properties are answered 400 naming the field. Anonymous users read public layers and public properties only (401 otherwise).',
  tags: ['layers'],
  params: LayerIdParams,
  query: LayerItemsQuery,
  responses: {
    200: { description: 'FeatureCollection with numberMatched, numberReturned and self/next/prev links', contentType: 'application/geo+json' },
    400: { description: 'invalid parameter (details name the field)' },
    401: { description: 'layer not public; sign in' },
    404: { description: 'unknown layer' },
  },
});

function selfUrl(req: Request): string {
  return `${req.protocol}://${req.get('host')}${req.baseUrl}${req.path}`;
}

/**
 * `GET /api/layers` (catalogue) and `GET /api/layers/:id` (GeoJSON with bbox, limit/offset + links, attribute filters, fields).
 * @example app.use('/api', layersRouter(deps))
 */
export function layersRouter(deps: AppDeps): Router {
  const router = Router();

  router.get('/layers', async (req, res) => {
    catalogueOp.query.parse(req.query);
    const publicOnly = roleOf(req, res) === 'public';
    const layers = await layerCatalogue(deps.db, { publicOnly });
    res.json({ layers });
  });

  router.get('/layers/:id', async (req, res) => {
    const { id } = itemsOp.params.parse(req.params);
    const readable = readableLayer(req, res, id);
    const { bbox, limit, offset, fields, ...filters } = itemsOp.query.parse(req.query);
    const query = await layerQuery(deps.db, readable, { ...(bbox ? { bbox } : {}), limit, offset, ...(fields ? { fields } : {}), filters });
    const [fc, numberMatched] = await Promise.all([getLayer(deps.db, readable.d, query), countLayer(deps.db, readable.d, query)]);
    const base = selfUrl(req);
    const links = [{ rel: 'self', type: 'application/geo+json', href: urlWith(base, req.query, {}) }];
    if (offset + fc.features.length < numberMatched) links.push({ rel: 'next', type: 'application/geo+json', href: urlWith(base, req.query, { offset: offset + limit, limit }) });
    if (offset > 0) links.push({ rel: 'prev', type: 'application/geo+json', href: urlWith(base, req.query, { offset: Math.max(0, offset - limit), limit }) });
    res.type('application/geo+json').json({
      ...fc,
      layer: { id: readable.d.id, title: readable.d.title },
      sample: fc.features.some((f) => f.properties?.sample),
      numberMatched,
      numberReturned: fc.features.length,
      links,
    });
  });
  return router;
}
