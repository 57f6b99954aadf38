import type { DomainConfig } from '@riskmap/config';
import type { FeatureCollection, Point } from 'geojson';
import { InputError } from '../input-error.js';
import type { WarehouseProps } from '../model.js';
import { coverageByReach, type CoverageResult, type DemandInput } from './coverage-by-reach.js';

export interface WarehouseImpedance {
  method: 'straight-line-detour';
  mode: 'driving';
  detourFactor: number;
  speedKmh: number;
  /** Reach time per warehouse level (minutes), from configuration. */
  reachMinutesByLevel: Record<WarehouseProps['level'], number>;
}

type WarehouseInput = Pick<WarehouseProps, 'code' | 'name' | 'level'>;

/**
 * Reach of emergency-supply warehouses: a demand point is covered when the driving time (geodesic
 * metres × detourFactor at speedKmh) to a warehouse is within its level's reach minutes, there being
 * no road network; population covered per township, uncovered points and the population each serves.
 * @example warehouseCoverage(demandPoints, warehouses, { warehouses: config.domain.warehouses }).facilities[0].reachM // → 45000 road metres for a county warehouse (60 min × 45 km/h)
 */
export function warehouseCoverage(
  demandPoints: FeatureCollection<Point, DemandInput>,
  warehouses: FeatureCollection<Point, WarehouseInput>,
  options: { speedKmh?: number; detourFactor?: number; warehouses: DomainConfig['warehouses'] },
): CoverageResult<WarehouseImpedance> {
  const cfg = options.warehouses;
  const detourFactor = options.detourFactor ?? cfg.detourFactor;
  if (!(Number.isFinite(detourFactor) && detourFactor >= 1)) throw new InputError(`detourFactor must be ≥ 1; got ${String(detourFactor)}`, 'detourFactor');
  const speedKmh = options.speedKmh ?? cfg.speedKmh;
  if (!(Number.isFinite(speedKmh) && speedKmh > 0)) throw new InputError(`speedKmh must be > 0 km/h; got ${String(speedKmh)}`, 'speedKmh');
  const facilities = warehouses.features.map((w, i) => {
    const p = w.properties;
    const minutes = cfg.reachMinutes[p.level];
    if (minutes === undefined) throw new InputError(`warehouses[${i}].level must be one of ${Object.keys(cfg.reachMinutes).join(', ')}; got ${String(p.level)}`, `warehouses[${i}].level`);
    const [lon, lat] = w.geometry.coordinates as [number, number];
    // reachM is metres of impedance (road metres); coverageByReach compares it with geodesic × detour.
    return { code: p.code, name: p.name, lon, lat, reachM: (minutes * speedKmh * 1000) / 60 };
  });
  const impedance: WarehouseImpedance = { method: 'straight-line-detour', mode: 'driving', detourFactor, speedKmh, reachMinutesByLevel: { ...cfg.reachMinutes } };
  return coverageByReach(demandPoints, facilities, detourFactor, impedance);
}
