import type { DomainConfig } from '@riskmap/config';
import { applyRiskWeights, fireStationCoverage, shelterCoverage, warehouseCoverage, type SitingDemand } from '@riskmap/geo';
import type { FeatureCollection, Point } from 'geojson';
import { riskPoints } from '../siting/build-siting-task.js';
import type { LayerCache } from './layer-cache.js';
import { publicFeatures } from './public-projection.js';

export interface CoverageOptions {
  facility: 'shelters' | 'fire-stations' | 'warehouses';
  includePlanned?: boolean;
  speedKmh?: number;
  detourFactor?: number;
  /** Also count risk-weighted demand (people × the level weight of the highest risk point within the configured radius). */
  riskWeighting?: boolean;
  /** Anonymous callers: only the shelters the public may see count (the public projection). */
  publicOnly?: boolean;
}

/**
 * Coverage of the stored facilities under the one coverage model (facilityReach, through
 * shelterCoverage / fireStationCoverage), with what the figures count and their denominator named:
 * the coverage page, the command indicators and the print sheets all call this.
 * @example (await coverageFigures(domain, layers, { facility: 'fire-stations' })).coveredPopulation // 216909
 */
export async function coverageFigures(domain: DomainConfig, layers: Pick<LayerCache, 'get'>, q: CoverageOptions) {
  let demand = (await layers.get('demand-points')) as unknown as FeatureCollection<Point, { code: string; townshipCode: string; population: number; riskWeight?: number }>;
  let radiusM: number | null = null;
  if (q.riskWeighting) {
    radiusM = domain.riskWeighting.radiusM;
    const w = await riskPoints(layers, domain, radiusM);
    const points: SitingDemand[] = demand.features.map((f, k) => {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      return { id: k, lon, lat, weight: f.properties.population };
    });
    applyRiskWeights(points, w);
    demand = { ...demand, features: demand.features.map((f, k) => ({ ...f, properties: { ...f.properties, riskWeight: points[k]!.riskWeight ?? 1 } })) };
  }
  const result =
    q.facility === 'shelters'
      ? shelterCoverage(demand, (q.publicOnly ? publicFeatures('shelters', await layers.get('shelters')) : await layers.get('shelters')) as never, { includePlanned: q.includePlanned, detourFactor: q.detourFactor, shelters: domain.shelters })
      : q.facility === 'warehouses'
        ? warehouseCoverage(demand, (await layers.get('warehouses')) as never, { speedKmh: q.speedKmh, detourFactor: q.detourFactor, warehouses: domain.warehouses })
        : fireStationCoverage(demand, (await layers.get('fire-stations')) as never, {
            speedKmh: q.speedKmh,
            detourFactor: q.detourFactor,
            urbanTownshipCodes: (await layers.get('townships')).features.filter((t) => t.properties?.isUrban).map((t) => t.properties!.code as string),
            fireStations: domain.fireStations,
          });
  const levels = Object.values(domain.riskLevels).map((l) => `${l.zh} ${l.weight}`).join('、');
  const levelsEn = Object.values(domain.riskLevels).map((l) => `${l.en} ${l.weight}`).join(', ');
  return {
    facility: q.facility,
    ...result,
    /** What coveredShare divides by. */
    denominator: {
      quantity: 'people',
      population: result.population,
      zh: `覆盖人口占需求点常住人口合计（${result.population.toLocaleString('en-US')} 人）的比例`,
      en: `share of the resident population of the demand points (${result.population.toLocaleString('en-US')} people)`,
    },
    ...(radiusM !== null
      ? {
          weighting: {
            radiusM,
            zh: `风险加权需求 = 人口 × ${radiusM} 米内最高风险点的等级权重（${levels}，无风险点为 1），不是人数`,
            en: `risk-weighted demand = people × the level weight of the highest risk point within ${radiusM} m (${levelsEn}; 1 when none), not a head count`,
          },
        }
      : {}),
  };
}
