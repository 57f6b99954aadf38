import { Router } from 'express';
import { z } from 'zod';
import { createShelterIndex } from '@riskmap/geo';
import type { AppDeps } from '../deps.js';
import { queryNumber } from '../http/query-number.js';
import type { LayerCache } from '../services/layer-cache.js';
import { countyFeature } from '../services/county.js';

export const NearestQuery = z.object({
  lon: queryNumber(z.number().min(-180).max(180)),
  lat: queryNumber(z.number().min(-90).max(90)),
  k: queryNumber(z.number().int().min(1)).optional(),
});

/** `GET /api/shelters/nearest` — the public finder: k nearest usable public shelters, public fields only. */
export function sheltersRouter(deps: AppDeps, layers: LayerCache): Router {
  const router = Router();
  router.get('/shelters/nearest', async (req, res) => {
    const q = NearestQuery.parse(req.query);
    const index = await layers.derive('shelter-index', ['shelters', 'townships'], async () =>
      createShelterIndex((await layers.get('shelters')) as never, {
        county: await countyFeature(deps.db, layers),
        publicOnly: true,
        shelters: deps.config.domain.shelters,
        nearest: deps.config.domain.nearest,
      }),
    );
    const result = index.nearest([q.lon, q.lat], q.k ?? deps.config.domain.nearest.defaultK);
    res.set('Cache-Control', 'public, max-age=30').json(result);
  });
  return router;
}
