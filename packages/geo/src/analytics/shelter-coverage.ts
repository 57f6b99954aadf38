import { domainDefaults, type DomainConfig } from '@riskmap/config';
import type { FeatureCollection, Point } from 'geojson';
import { InputError } from '../input-error.js';
import type { ShelterProps } from '../model.js';
import { coverageByReach, type CoverageResult, type DemandInput } from './coverage-by-reach.js';

export interface WalkingImpedance {
  method: 'straight-line' | 'straight-line-detour';
  mode: 'walking';
  detourFactor: number;
  walkingSpeedMPerMin: number;
  /** Reach of each shelter class (m of impedance). */
  radiusMByClass: Record<string, number>;
}

type ShelterInput = Pick<ShelterProps, 'code' | 'name' | 'shelterClass' | 'status'>;

/**
 * Walking coverage of shelters: a demand point is covered when a usable shelter is within its
 * class's service radius (geodesic metres × detourFactor, default 1 = straight line); population
 * covered/uncovered per township, the uncovered points and the population each shelter serves.
 * @example shelterCoverage(demandPoints, shelters).coveredShare // → 0.83
 */
export function shelterCoverage(
  demandPoints: FeatureCollection<Point, DemandInput>,
  shelters: FeatureCollection<Point, ShelterInput>,
  options: { includePlanned?: boolean; detourFactor?: number; shelters?: DomainConfig['shelters'] } = {},
): CoverageResult<WalkingImpedance> {
  const cfg = options.shelters ?? domainDefaults.shelters;
  const detourFactor = options.detourFactor ?? 1;
  if (!(Number.isFinite(detourFactor) && detourFactor >= 1)) throw new InputError(`detourFactor must be ≥ 1; got ${String(detourFactor)}`, 'detourFactor');
  const statuses = options.includePlanned ? [...cfg.usableStatuses, 'planned'] : cfg.usableStatuses;
  const classes = Object.keys(cfg.classes);
  const facilities = shelters.features.flatMap((s, i) => {
    if (!statuses.includes(s.properties.status)) return [];
    const cls = cfg.classes[s.properties.shelterClass];
    if (!cls) throw new InputError(`shelters[${i}].shelterClass must be one of ${classes.join(', ')}; got ${String(s.properties.shelterClass)}`, `shelters[${i}].shelterClass`, classes);
    const [lon, lat] = s.geometry.coordinates as [number, number];
    return [{ code: s.properties.code, name: s.properties.name, lon, lat, reachM: cls.radiusM }];
  });
  const impedance: WalkingImpedance = {
    method: detourFactor === 1 ? 'straight-line' : 'straight-line-detour',
    mode: 'walking',
    detourFactor,
    walkingSpeedMPerMin: cfg.walkingSpeedMPerMin,
    radiusMByClass: Object.fromEntries(Object.entries(cfg.classes).map(([k, v]) => [k, v.radiusM])),
  };
  return coverageByReach(demandPoints, facilities, detourFactor, impedance);
}
