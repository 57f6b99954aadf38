import { Router } from 'express';
import { sheltersNearest } from '@riskmap/contract';
import type { AppDeps } from '../deps.js';
import { mountRoute } from '../http/mount-route.js';
import type { LayerCache } from '../services/layer-cache.js';
import { countyFeature } from '../services/county.js';
import { publicFeatures } from '../services/public-projection.js';
import { createFinderIndex } from '../services/finder-nearest.js';

/**
 * `GET /api/shelters/nearest` — the public finder: k nearest open public shelters (built-but-not-open ones appended,
 * flagged, only when no open one is near), public fields only. While the shelters' index is rebuilt after a change,
 * answers come from the previous one if it is recent (`resilience.finder.staleMs`), so residents never wait for an import.
 */
export function sheltersRouter(deps: AppDeps, layers: LayerCache): Router {
  const router = Router();
  mountRoute(router, sheltersNearest, async (_req, res, { query: q }) => {
    const index = await layers.derive('shelter-index', ['shelters', 'townships'], async () =>
      createFinderIndex(publicFeatures('shelters', await layers.get('shelters')) as never, {
        county: await countyFeature(deps.db, layers),
        shelters: deps.config.domain.shelters,
        nearest: deps.config.domain.nearest,
      }),
      { staleMs: deps.config.resilience.finder.staleMs },
    );
    const result = index.nearest([q.lon, q.lat], q.k ?? deps.config.domain.nearest.defaultK);
    res.set('Cache-Control', `public, max-age=${deps.config.resilience.finder.maxAgeSeconds}`).json(result);
  });
  return router;
}
