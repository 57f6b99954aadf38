import { Router } from 'express';
import { analyticsCoverage, analyticsRiskDensity, analyticsRiskMap, analyticsShelterPerCapita } from '@riskmap/contract';
import { shelterAreaPerCapita } from '@riskmap/geo';
import type { AppDeps } from '../deps.js';
import { mountRoute } from '../http/mount-route.js';
import { roleOf } from '../http/role.js';
import type { LayerCache } from '../services/layer-cache.js';
import { HttpError } from '../http/http-error.js';
import { publicFeatures } from '../services/public-projection.js';
import { perCapitaGeoJSON } from '../services/per-capita-geojson.js';
import { ResultCache } from '../services/result-cache.js';
import type { AnalyticsJob } from '../services/analytics-compute.js';
import type { AnalyticsOffload } from '../services/analytics-offload.js';

/**
 * The numbers the county plan asks for: the four-colour e-map, density, per-capita, coverage. The heavy ones (e-map,
 * density, coverage) are computed and serialized in worker threads (`offload`), cached per version of the layers they
 * read + parameters, one computation shared by concurrent identical requests.
 */
export function analyticsRouter(deps: AppDeps, layers: LayerCache, offload: AnalyticsOffload): Router {
  const router = Router();
  const domain = deps.config.domain;
  const limits = deps.config.resilience;
  // The heavy answers key on the versions of the layers they read (offload.revision); the data revision is the fallback.
  const cache = new ResultCache(deps.revision ?? (() => deps.changes.revision()), limits.analyticsCacheEntries, limits.public.maxResponseBytes);

  mountRoute(router, analyticsRiskMap, async (req, res, { query: q }) => {
    const cellM = q.cell ?? domain.emap.defaultCellM;
    const isPublic = roleOf(req, res) === 'public';
    if (isPublic && q.by === 'grid' && q.includeEmpty && cellM < limits.public.minEmptyCellM) {
      const message = `anonymous callers get empty cells only for cells of at least ${limits.public.minEmptyCellM} m (PUBLIC_MIN_EMPTY_CELL_M); use a larger cell or sign in`;
      throw new HttpError(400, 'invalid_input', `includeEmpty: ${message}`, { fields: [{ field: 'includeEmpty', message }] });
    }
    const job: AnalyticsJob = { kind: 'risk-map', query: q, isPublic };
    await cache.send(req, res, 'application/geo+json', () => offload.run(job), 'cell', offload.revision(job));
  });

  mountRoute(router, analyticsRiskDensity, async (req, res, { query: q }) => {
    const job: AnalyticsJob = { kind: 'risk-density', query: q, isPublic: roleOf(req, res) === 'public' };
    await cache.send(req, res, 'application/json', () => offload.run(job), 'cell', offload.revision(job));
  });

  mountRoute(router, analyticsShelterPerCapita, async (req, res, { query: q }) => {
    const townships = await layers.get('townships');
    const shelters = roleOf(req, res) === 'public' ? publicFeatures('shelters', await layers.get('shelters')) : await layers.get('shelters');
    const result = shelterAreaPerCapita(townships as never, shelters as never, {
      targetM2: q.target,
      includePlanned: q.includePlanned,
      shelters: domain.shelters,
    });
    if (q.format === 'geojson') res.type('application/geo+json').json(perCapitaGeoJSON(townships, result));
    else res.json(result);
  });

  mountRoute(router, analyticsCoverage, async (req, res, { query: q }) => {
    const isPublic = roleOf(req, res) === 'public';
    if (isPublic && q.facility === 'warehouses') {
      throw new HttpError(401, 'login_required', 'the coverage of supply warehouses is not public; sign in to read it', { field: 'facility' });
    }
    if (isPublic && q.riskWeighting) {
      throw new HttpError(401, 'login_required', 'risk-weighted coverage reads the risk points, which are not public; sign in to read it', { field: 'riskWeighting' });
    }
    const job: AnalyticsJob = { kind: 'coverage', query: q, isPublic };
    await cache.send(req, res, 'application/json', () => offload.run(job), 'query', offload.revision(job));
  });

  return router;
}
