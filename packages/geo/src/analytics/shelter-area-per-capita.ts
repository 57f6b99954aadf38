import type { DomainConfig } from '@riskmap/config';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { InputError } from '../input-error.js';
import type { AdminAreaProps, ShelterProps } from '../model.js';
import { polygonLocator } from './polygon-locator.js';
import { areaShortfallM2 } from './area-shortfall.js';

export interface PerCapitaRow {
  /** The township's code (`county-town` / `county` for the two total rows). */
  townshipCode: string;
  name: string;
  population: number;
  shelterCount: number;
  /** Σ effective area (m²) of the counted shelters. */
  effectiveAreaM2: number;
  /** m² of effective area per resident; null when nobody lives there. */
  perCapitaM2: number | null;
  meetsTarget: boolean | null;
  /** Effective area (m²) still needed to reach the target; 0 when met. */
  shortfallM2: number;
  capacity: number;
  /** capacityShare × population: people the shelters should hold. */
  capacityRequired: number;
  meetsCapacity: boolean;
  /** True for the row the plan's target is set for (the county town); other rows are compared for reference. */
  targetApplies: boolean;
}

export interface PerCapitaResult {
  areaBasis: 'effective';
  targetM2: number;
  capacityShare: number;
  statusesCounted: string[];
  townships: PerCapitaRow[];
  /** The isUrban townships (街道) together: the plan's indicator; null when none is urban. */
  countyTown: PerCapitaRow | null;
  county: PerCapitaRow;
  /** Counted shelters in no township (neither by code nor by position). */
  unassignedShelters: string[];
  /**
   * The two county shortfalls (docs/coverage-model.md §Shortfall): `netM2` = the county as one unit
   * (a surplus in one township offsets a deficit in another; = county.shortfallM2), and
   * `sumOfTownshipsM2` = Σ township shortfalls (no offset: the area to add for every township to reach
   * the target on its own; what the shelter-gap siting closes).
   */
  shortfall: { netM2: number; sumOfTownshipsM2: number };
}

type TownshipProps = Pick<AdminAreaProps, 'code' | 'name' | 'population' | 'isUrban'>;
type ShelterInput = Pick<ShelterProps, 'code' | 'effectiveAreaM2' | 'capacity' | 'status' | 'townshipCode'>;

/**
 * Shelter area per capita per township: Σ effective area (m²) of usable shelters ÷ residents,
 * against the target (default: the configured perCapitaTargetM2, 2.5 m²), with the shortfall, the capacity check (capacityShare ×
 * population), the county-town row (isUrban townships, the plan's indicator) and a county row.
 * @example shelterAreaPerCapita(townships, shelters, { shelters: config.domain.shelters }).countyTown // → { perCapitaM2: 1.84, meetsTarget: false, shortfallM2: 210000, … }
 */
export function shelterAreaPerCapita(
  townships: FeatureCollection<Polygon | MultiPolygon, TownshipProps>,
  shelters: FeatureCollection<Point | null, ShelterInput>,
  options: { targetM2?: number; includePlanned?: boolean; shelters: DomainConfig['shelters'] },
): PerCapitaResult {
  const cfg = options.shelters;
  const targetM2 = options.targetM2 ?? cfg.perCapitaTargetM2;
  if (!(Number.isFinite(targetM2) && targetM2 > 0)) throw new InputError(`targetM2 must be > 0 m² per person; got ${String(targetM2)}`, 'targetM2');
  const statuses = options.includePlanned ? [...cfg.usableStatuses, 'planned'] : [...cfg.usableStatuses];

  const index = new Map<string, number>();
  townships.features.forEach((t, i) => {
    const pop = t.properties.population;
    if (!(Number.isFinite(pop) && pop >= 0)) throw new InputError(`townships[${i}].population must be ≥ 0; got ${String(pop)}`, `townships[${i}].population`);
    index.set(t.properties.code, i);
  });
  const area = new Float64Array(townships.features.length);
  const capacity = new Float64Array(townships.features.length);
  const count = new Int32Array(townships.features.length);
  let locate: ((lon: number, lat: number) => number) | undefined;
  const unassignedShelters: string[] = [];

  shelters.features.forEach((s, i) => {
    const p = s.properties;
    if (!statuses.includes(p.status)) return;
    if (!(Number.isFinite(p.effectiveAreaM2) && p.effectiveAreaM2 >= 0)) {
      throw new InputError(`shelters[${i}].effectiveAreaM2 must be ≥ 0 m²; got ${String(p.effectiveAreaM2)}`, `shelters[${i}].effectiveAreaM2`);
    }
    let t = p.townshipCode != null ? (index.get(p.townshipCode) ?? -1) : -1;
    if (t < 0 && s.geometry) {
      locate ??= polygonLocator(townships.features);
      t = locate(s.geometry.coordinates[0]!, s.geometry.coordinates[1]!);
    }
    if (t < 0) {
      unassignedShelters.push(p.code);
      return;
    }
    area[t]! += p.effectiveAreaM2;
    capacity[t]! += Number.isFinite(p.capacity) ? p.capacity : 0;
    count[t]!++;
  });

  const row = (townshipCode: string, name: string, population: number, areaM2: number, cap: number, n: number, targetApplies: boolean): PerCapitaRow => {
    const perCapitaM2 = population > 0 ? Math.round((areaM2 / population) * 1000) / 1000 : null;
    const capacityRequired = Math.ceil(cfg.capacityShare * population);
    return {
      townshipCode, name, population, shelterCount: n, effectiveAreaM2: areaM2, perCapitaM2,
      meetsTarget: population > 0 ? areaM2 >= targetM2 * population : null,
      shortfallM2: areaShortfallM2(targetM2, population, areaM2),
      capacity: cap, capacityRequired, meetsCapacity: cap >= capacityRequired, targetApplies,
    };
  };
  const rows = townships.features.map((t, i) => row(t.properties.code, t.properties.name, t.properties.population, area[i]!, capacity[i]!, count[i]!, false));
  const sum = (pick: (i: number) => boolean) => {
    let pop = 0, a = 0, c = 0, n = 0;
    townships.features.forEach((t, i) => {
      if (!pick(i)) return;
      pop += t.properties.population; a += area[i]!; c += capacity[i]!; n += count[i]!;
    });
    return [pop, a, c, n] as const;
  };
  const urban = townships.features.filter((t) => t.properties.isUrban);
  const countyTown = urban.length === 0 ? null : row('county-town', '县城', ...sum((i) => townships.features[i]!.properties.isUrban), true);
  const county = row('county', '全县', ...sum(() => true), false);
  return {
    areaBasis: 'effective', targetM2, capacityShare: cfg.capacityShare, statusesCounted: statuses,
    townships: rows, countyTown, county, unassignedShelters,
    shortfall: { netM2: county.shortfallM2, sumOfTownshipsM2: rows.reduce((s, r) => s + r.shortfallM2, 0) },
  };
}
