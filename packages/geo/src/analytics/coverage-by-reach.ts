import type { Feature, FeatureCollection, Point } from 'geojson';
import { InputError } from '../input-error.js';
import { haversineM } from './haversine-m.js';
import { pointBucketIndex } from './point-bucket-index.js';

/** A demand point: `riskWeight` (≥ 0) multiplies its population in the risk-weighted figures. */
export interface DemandInput { code: string; name?: string; townshipCode: string; population: number; riskWeight?: number }

/** Risk-weighted demand: Σ population × riskWeight (present when the demand points carry a riskWeight). */
export interface WeightedCoverage { totalWeight: number; coveredWeight: number; uncoveredWeight: number; coveredShare: number }
export interface Facility { code: string; name: string; lon: number; lat: number; reachM: number }

export interface CoverageResult<I> {
  /** How distance was measured: straight line (geodesic), times the detour factor when > 1; no road network. */
  impedance: I;
  population: number;
  coveredPopulation: number;
  uncoveredPopulation: number;
  coveredShare: number;
  townships: { townshipCode: string; population: number; coveredPopulation: number; uncoveredPopulation: number; coveredShare: number }[];
  /** Risk-weighted demand covered (null when no demand point carries a riskWeight). */
  weighted: WeightedCoverage | null;
  uncovered: FeatureCollection<Point, DemandInput>;
  /** Per facility: the population for which it is the nearest facility within reach. */
  facilities: { code: string; name: string; reachM: number; servedPopulation: number; servedDemandPoints: number }[];
}

const share = (covered: number, total: number) => (total > 0 ? Math.round((covered / total) * 10_000) / 10_000 : 0);

/**
 * Population covered by facilities each with its own reach (metres of impedance = geodesic
 * distance × detourFactor); each demand point is served by its nearest facility within reach.
 * Facilities are bucketed on a metre grid so each demand point checks only nearby ones.
 * @example coverageByReach(demandPoints, [{ code: 'F1', name: '', lon: 115.8, lat: 36.1, reachM: 1500 }], 1.3, imp)
 */
export function coverageByReach<I>(
  demandPoints: FeatureCollection<Point, DemandInput>,
  facilities: readonly Facility[],
  detourFactor: number,
  impedance: I,
): CoverageResult<I> {
  const maxReachM = facilities.reduce((m, f) => Math.max(m, f.reachM), 0);
  // Bucket ≥ the longest straight-line reach (+1 % for the projection's scale error): 3 × 3 buckets suffice.
  const index = pointBucketIndex(facilities.map((f) => [f.lon, f.lat] as const), Math.max(100, (maxReachM / detourFactor) * 1.01));
  const served = facilities.map(() => ({ population: 0, count: 0 }));
  const byTownship = new Map<string, { population: number; covered: number }>();
  const uncovered: Feature<Point, DemandInput>[] = [];
  let population = 0;
  let covered = 0;
  let weightedAny = false;
  let totalW = 0;
  let coveredW = 0;
  demandPoints.features.forEach((d, i) => {
    const pop = d.properties.population;
    if (!(Number.isFinite(pop) && pop >= 0)) throw new InputError(`demandPoints[${i}].population must be ≥ 0; got ${String(pop)}`, `demandPoints[${i}].population`);
    const rw = d.properties.riskWeight;
    if (rw !== undefined) {
      if (!(Number.isFinite(rw) && rw >= 0)) throw new InputError(`demandPoints[${i}].riskWeight must be ≥ 0; got ${String(rw)}`, `demandPoints[${i}].riskWeight`);
      weightedAny = true;
    }
    const wi = pop * (rw ?? 1);
    totalW += wi;
    const [lon, lat] = d.geometry.coordinates as [number, number];
    let best = -1;
    let bestM = Infinity;
    if (facilities.length > 0) {
      index.visitRing(lon, lat, 0, visit);
      index.visitRing(lon, lat, 1, visit);
    }
    function visit(j: number) {
      const f = facilities[j]!;
      const m = haversineM(lon, lat, f.lon, f.lat) * detourFactor;
      if (m <= f.reachM && (m < bestM || (m === bestM && j < best))) {
        best = j;
        bestM = m;
      }
    }
    const t = byTownship.get(d.properties.townshipCode) ?? { population: 0, covered: 0 };
    byTownship.set(d.properties.townshipCode, t);
    t.population += pop;
    population += pop;
    if (best >= 0) {
      t.covered += pop;
      covered += pop;
      coveredW += wi;
      served[best]!.population += pop;
      served[best]!.count++;
    } else {
      uncovered.push(d);
    }
  });
  return {
    impedance,
    population,
    coveredPopulation: covered,
    uncoveredPopulation: population - covered,
    coveredShare: share(covered, population),
    townships: [...byTownship].map(([townshipCode, t]) => ({
      townshipCode, population: t.population, coveredPopulation: t.covered, uncoveredPopulation: t.population - t.covered, coveredShare: share(t.covered, t.population),
    })),
    weighted: weightedAny ? { totalWeight: totalW, coveredWeight: coveredW, uncoveredWeight: totalW - coveredW, coveredShare: share(coveredW, totalW) } : null,
    uncovered: { type: 'FeatureCollection', features: uncovered },
    facilities: facilities.map((f, j) => ({ code: f.code, name: f.name, reachM: Math.round(f.reachM * 10) / 10, servedPopulation: served[j]!.population, servedDemandPoints: served[j]!.count })),
  };
}
