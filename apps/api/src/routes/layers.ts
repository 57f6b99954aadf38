import { Router, type Request } from 'express';
import { layersCatalogue, layersItems } from '@riskmap/contract';
import { countLayer, getLayer, layerCatalogue } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { roleOf } from '../http/role.js';
import { readableLayer } from '../ogc/layer-access.js';
import { layerQuery, urlWith } from '../ogc/layer-request.js';
import { mountRoute } from '../http/mount-route.js';

function selfUrl(req: Request): string {
  return `${req.protocol}://${req.get('host')}${req.baseUrl}${req.path}`;
}

/**
 * `GET /api/layers` (catalogue) and `GET /api/layers/:id` (GeoJSON with bbox, limit/offset + links, attribute filters, fields).
 * @example app.use('/api', layersRouter(deps))
 */
export function layersRouter(deps: AppDeps): Router {
  const router = Router();

  mountRoute(router, layersCatalogue, async (req, res) => {
    const publicOnly = roleOf(req, res) === 'public';
    const layers = await layerCatalogue(deps.db, { publicOnly });
    res.json({ layers });
  });

  mountRoute(router, layersItems, async (req, res, { params: { id }, query: { bbox, limit, offset, fields, ...filters } }) => {
    const readable = readableLayer(req, res, id);
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
