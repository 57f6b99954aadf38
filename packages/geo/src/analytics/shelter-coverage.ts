import type { DomainConfig } from '@riskmap/config';
import type { FeatureCollection, Point } from 'geojson';
import { InputError } from '../input-error.js';
import type { ShelterProps } from '../model.js';
import { coverageByReach, type CoverageResult, type DemandInput } from './coverage-by-reach.js';
import { facilityReach, type CoverageRule } from './facility-reach.js';

export interface WalkingImpedance {
  method: 'straight-line' | 'straight-line-detour';
  mode: 'walking';
  detourFactor: number;
  walkingSpeedMPerMin: number;
  /** The rule applied: each class's radius (default), one radius, or a walking time. */
  rule: Extract<CoverageRule, { facility: 'shelter' }>;
  /** Reach of each shelter class (m of impedance) under the rule. */
  radiusMByClass: Record<string, number>;
}

type ShelterInput = Pick<ShelterProps, 'code' | 'name' | 'shelterClass' | 'status'>;

/**
 * Walking coverage of shelters: a demand point is covered when a usable shelter is within its reach
 * under the coverage rule (default: its class's service radius; geodesic metres × the walking detour);
 * population covered/uncovered per township, the uncovered points and the population each shelter serves.
 * @example shelterCoverage(demandPoints, shelters, { shelters: config.shelters }).coveredShare // → 0.83
 */
export function shelterCoverage(
  demandPoints: FeatureCollection<Point, DemandInput>,
  shelters: FeatureCollection<Point, ShelterInput>,
  options: { includePlanned?: boolean; detourFactor?: number; rule?: Extract<CoverageRule, { facility: 'shelter' }>; shelters: DomainConfig['shelters'] },
): CoverageResult<WalkingImpedance> {
  const cfg = options.shelters;
  const rule = options.rule ?? { facility: 'shelter', basis: 'class-radius' };
  const detourFactor = options.detourFactor ?? cfg.walkingDetourFactor;
  if (!(Number.isFinite(detourFactor) && detourFactor >= 1)) throw new InputError(`detourFactor must be ≥ 1; got ${String(detourFactor)}`, 'detourFactor');
  const statuses = options.includePlanned ? [...cfg.usableStatuses, 'planned'] : cfg.usableStatuses;
  const slice = { shelters: cfg };
  const facilities = shelters.features.flatMap((s, i) => {
    if (!statuses.includes(s.properties.status)) return [];
    const { reachM } = facilityReach({ shelterClass: s.properties.shelterClass ?? '' }, rule, slice, { field: `shelters[${i}]` });
    const [lon, lat] = s.geometry.coordinates as [number, number];
    return [{ code: s.properties.code, name: s.properties.name, lon, lat, reachM }];
  });
  const impedance: WalkingImpedance = {
    method: detourFactor === 1 ? 'straight-line' : 'straight-line-detour',
    mode: 'walking',
    detourFactor,
    walkingSpeedMPerMin: cfg.walkingSpeedMPerMin,
    rule,
    radiusMByClass: Object.fromEntries(Object.keys(cfg.classes).map((k) => [k, facilityReach({ shelterClass: k }, rule, slice).reachM])),
  };
  return coverageByReach(demandPoints, facilities, detourFactor, impedance);
}
