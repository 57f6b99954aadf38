import { Router } from 'express';
import { getLayer, layerDescriptor } from '@riskmap/db';
import { LAYER_IDS } from '@riskmap/geo';
import { HttpError } from '../http/http-error.js';
import type { AppDeps } from '../deps.js';

/** `GET /api/layers/:id` → the layer as a GeoJSON FeatureCollection. */
export function layersRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/layers/:id', async (req, res) => {
    const d = layerDescriptor(req.params.id);
    if (!d) throw new HttpError(404, 'unknown_layer', `unknown layer "${req.params.id}"`, { field: 'id', allowed: LAYER_IDS });
    const fc = await getLayer(deps.db, d);
    res.type('application/geo+json').json({ ...fc, layer: { id: d.id, title: d.title }, sample: fc.features.some((f) => f.properties?.sample) });
  });
  return router;
}
