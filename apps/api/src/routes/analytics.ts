import { Router } from 'express';
import { z } from 'zod';
import {
  createMetricGrid,
  fireStationCoverage,
  riskDensity,
  riskEmapByArea,
  riskEmapByGrid,
  shelterAreaPerCapita,
  shelterCoverage,
  warehouseCoverage,
} from '@riskmap/geo';
import type { AppDeps } from '../deps.js';
import { queryNumber } from '../http/query-number.js';
import { roleOf } from '../http/role.js';
import type { LayerCache } from '../services/layer-cache.js';
import { countyFeature } from '../services/county.js';
import { perCapitaGeoJSON } from '../services/per-capita-geojson.js';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const RiskMapQuery = z.object({
  by: z.enum(['township', 'grid']).default('township'),
  cell: queryNumber(z.number()).optional(),
  shape: z.enum(['square', 'hex']).default('square'),
  method: z.enum(['max', 'weighted']).default('max'),
  includeEmpty: bool.default(false),
});

export const DensityQuery = z.object({
  cell: queryNumber(z.number()).optional(),
  bandwidth: queryNumber(z.number().positive().max(50_000)).optional(),
});

export const PerCapitaQuery = z.object({
  includePlanned: bool.default(false),
  target: queryNumber(z.number().positive().max(100)).optional(),
  format: z.enum(['json', 'geojson']).default('json'),
});

export const CoverageQuery = z.object({
  facility: z.enum(['shelters', 'fire-stations', 'warehouses']),
  includePlanned: bool.default(false),
  speedKmh: queryNumber(z.number().positive().max(200)).optional(),
  detourFactor: queryNumber(z.number().min(1).max(5)).optional(),
});

/** The numbers the county plan asks for: the four-colour e-map, density, per-capita, coverage. */
export function analyticsRouter(deps: AppDeps, layers: LayerCache): Router {
  const router = Router();
  const domain = deps.config.domain;

  router.get('/analytics/risk-map', async (req, res) => {
    const q = RiskMapQuery.parse(req.query);
    const riskPoints = await layers.get('risk-points');
    const options = { method: q.method, riskLevels: domain.riskLevels, weightedBands: [...domain.emap.weightedBands] };
    let result;
    if (q.by === 'township') {
      result = riskEmapByArea((await layers.get('townships')) as never, riskPoints as never, options);
    } else {
      const cellM = q.cell ?? domain.emap.defaultCellM;
      const county = await countyFeature(deps.db, layers);
      const grid = await layers.derive(`grid:${cellM}:${q.shape}`, ['townships'], () => createMetricGrid(county, { cellM, shape: q.shape }));
      result = riskEmapByGrid(county, riskPoints as never, { ...options, cellM, shape: q.shape, grid, includeEmpty: q.includeEmpty });
    }
    if (roleOf(req, res) === 'public') for (const f of result.features) delete (f.properties as { top?: unknown }).top;
    res.type('application/geo+json').json({ ...result, by: q.by, method: q.method });
  });

  router.get('/analytics/risk-density', async (req, res) => {
    const q = DensityQuery.parse(req.query);
    const county = await countyFeature(deps.db, layers);
    const raster = riskDensity(county, (await layers.get('risk-points')) as never, {
      cellM: q.cell,
      bandwidthM: q.bandwidth ?? domain.emap.kernelBandwidthM,
      riskLevels: domain.riskLevels,
      emap: domain.emap,
    });
    res.json(raster);
  });

  router.get('/analytics/shelter-per-capita', async (req, res) => {
    const q = PerCapitaQuery.parse(req.query);
    const townships = await layers.get('townships');
    const result = shelterAreaPerCapita(townships as never, (await layers.get('shelters')) as never, {
      targetM2: q.target,
      includePlanned: q.includePlanned,
      shelters: domain.shelters,
    });
    if (q.format === 'geojson') res.type('application/geo+json').json(perCapitaGeoJSON(townships, result));
    else res.json(result);
  });

  router.get('/analytics/coverage', async (req, res) => {
    const q = CoverageQuery.parse(req.query);
    const demand = (await layers.get('demand-points')) as never;
    const result =
      q.facility === 'shelters'
        ? shelterCoverage(demand, (await layers.get('shelters')) as never, { includePlanned: q.includePlanned, detourFactor: q.detourFactor, shelters: domain.shelters })
        : q.facility === 'warehouses'
          ? warehouseCoverage(demand, (await layers.get('warehouses')) as never, { speedKmh: q.speedKmh, detourFactor: q.detourFactor, warehouses: domain.warehouses })
          : fireStationCoverage(demand, (await layers.get('fire-stations')) as never, {
              speedKmh: q.speedKmh,
              detourFactor: q.detourFactor,
              urbanTownshipCodes: (await layers.get('townships')).features.filter((t) => t.properties?.isUrban).map((t) => t.properties!.code as string),
              fireStations: domain.fireStations,
            });
    res.json({ facility: q.facility, ...result });
  });

  return router;
}
