import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { z } from 'zod';
import type { DomainConfig } from '@riskmap/config';
import type { CoverageQuery, DensityQuery, RiskMapQuery } from '@riskmap/contract';
import { createMetricGrid, riskDensity, riskEmapByArea, riskEmapByGrid, type LayerId } from '@riskmap/geo';
import { coverageFigures } from './coverage.js';
import { publicCoverage } from './public-projection.js';

/** One heavy analytics answer to compute: which route, its parsed query, and whether the caller is anonymous. */
export type AnalyticsJob =
  | { kind: 'risk-map'; query: z.output<typeof RiskMapQuery>; isPublic: boolean }
  | { kind: 'risk-density'; query: z.output<typeof DensityQuery>; isPublic: boolean }
  | { kind: 'coverage'; query: z.output<typeof CoverageQuery>; isPublic: boolean };

/** The inputs an analytics computation reads: whole layers, the county outline (kept with the townships), derived values. */
export interface AnalyticsLayers {
  get(id: LayerId): Promise<FeatureCollection>;
  county(): Promise<Feature<MultiPolygon>>;
  derive<T>(key: string, layers: LayerId[], compute: () => Promise<T> | T): Promise<T>;
}

/** A layer name an analytics job reads: a stored layer, or the county outline. */
export type AnalyticsInput = LayerId | 'county';

/**
 * The layers `job` reads (so they can be handed to a worker thread before it runs).
 * @example analyticsInputs({ kind: 'risk-density', query: {}, isPublic: true }) // ['county', 'risk-points']
 */
export function analyticsInputs(job: AnalyticsJob): AnalyticsInput[] {
  if (job.kind === 'risk-map') return job.query.by === 'township' ? ['townships', 'risk-points'] : ['county', 'risk-points'];
  if (job.kind === 'risk-density') return ['county', 'risk-points'];
  const q = job.query;
  const facility: LayerId = q.facility === 'fire-stations' ? 'fire-stations' : q.facility === 'warehouses' ? 'warehouses' : 'shelters';
  return ['demand-points', facility, ...(q.facility === 'fire-stations' ? (['townships'] as const) : []), ...(q.riskWeighting ? (['risk-points'] as const) : [])];
}

/**
 * The answer of one heavy analytics route (the four-colour e-map by township or grid, the risk density raster, facility
 * coverage) from its layers and the site's configuration — pure: the API's worker threads run it, and a test runs it
 * in-process to compare. Anonymous callers get the public cut (no named top risks, public coverage, the public cell floor).
 * @example await computeAnalytics({ kind: 'risk-map', query: q, isPublic: true }, layers, config.domain)
 */
export async function computeAnalytics(job: AnalyticsJob, layers: AnalyticsLayers, domain: DomainConfig): Promise<unknown> {
  if (job.kind === 'risk-map') return riskMap(job.query, job.isPublic, layers, domain);
  if (job.kind === 'risk-density') {
    const q = job.query;
    const floor = job.isPublic ? domain.emap.publicMinCellM : 0;
    return riskDensity(await layers.county(), (await layers.get('risk-points')) as never, {
      cellM: (q.cell === undefined && floor === 0) || (q.cell !== undefined && q.cell < domain.emap.minCellM) ? q.cell : Math.max(q.cell ?? domain.emap.defaultCellM, floor),
      bandwidthM: Math.max(q.bandwidth ?? domain.emap.kernelBandwidthM, floor),
      riskLevels: domain.riskLevels,
      emap: domain.emap,
    });
  }
  const result = await coverageFigures(domain, layers, { ...job.query, publicOnly: job.isPublic });
  const facilityLayer = job.query.facility === 'fire-stations' ? 'fire-stations' : 'shelters';
  return job.isPublic ? publicCoverage(result, facilityLayer, await layers.get(facilityLayer)) : result;
}

async function riskMap(q: z.output<typeof RiskMapQuery>, isPublic: boolean, layers: AnalyticsLayers, domain: DomainConfig) {
  const riskPoints = await layers.get('risk-points');
  const options = { method: q.method, riskLevels: domain.riskLevels, weightedBands: [...domain.emap.weightedBands] };
  let result;
  if (q.by === 'township') {
    result = riskEmapByArea((await layers.get('townships')) as never, riskPoints as never, options);
  } else {
    const asked = q.cell ?? domain.emap.defaultCellM;
    const cellM = isPublic && asked >= domain.emap.minCellM ? Math.max(asked, domain.emap.publicMinCellM) : asked;
    const county = await layers.county();
    const grid = await layers.derive(`grid:${cellM}:${q.shape}`, ['townships'], () => createMetricGrid(county, { cellM, shape: q.shape }, domain.emap));
    result = riskEmapByGrid(county, riskPoints as never, { ...options, cellM, shape: q.shape, grid, includeEmpty: q.includeEmpty });
  }
  if (isPublic) for (const f of result.features) delete (f.properties as { top?: unknown }).top;
  return { ...result, by: q.by, method: q.method };
}
