import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { haversineM } from '../analytics/haversine-m.js';
import { polygonLocator } from '../analytics/polygon-locator.js';
import { featureKey } from './feature-key.js';
import type { FeatureKey, ZoneProps } from './types.js';
import { zoneLocator } from './zone-locator.js';

export interface DemandPointInput {
  code?: string;
  name?: string;
  population: number;
  townshipCode?: string | null;
}
export interface TownshipInput {
  code: string;
  population: number;
}

export interface ZonePopulationRow {
  key: string;
  rank: number;
  evacuate: boolean;
  /** People of the demand points whose innermost zone this is. */
  fromPoints: number;
  /** Township population not held by any demand point, spread evenly over the township, × the area of this band. */
  fromDensity: number;
  /** fromPoints + fromDensity: people in this zone and not in an inner one. */
  population: number;
  /** People in this zone including its inner zones. */
  cumulativePopulation: number;
  villages: number;
}

export interface AffectedVillage {
  id: FeatureKey;
  code: string | null;
  name: string;
  townshipCode: string | null;
  population: number;
  zone: string;
  rank: number;
  evacuate: boolean;
  distanceM: number;
  lonLat: [number, number];
}

export interface ZonePopulationResult {
  zones: ZonePopulationRow[];
  /** Demand points inside any zone, innermost zone first, then nearest first. */
  villages: AffectedVillage[];
  population: number;
  /** People in evacuated zones; `evacueesFromDensity` of them are estimates without a location. */
  evacuees: number;
  evacueesFromDensity: number;
}

/**
 * Population per impact zone (bands: each person counted in the innermost zone that holds them):
 * demand points inside, plus, for each township whose population exceeds what its demand points
 * hold, that remainder spread evenly over the township's area and counted by the area of the band
 * within the township (geodesic areas) — so areas without points are not left empty, and nobody is
 * counted twice. Populations are whole people; distances geodesic metres from the source.
 * @example zonePopulation(incidentZones([115.8, 36.1], { type: 'fire' }), villages, townships).population
 */
export function zonePopulation(
  zones: FeatureCollection<Polygon, ZoneProps>,
  demandPoints: FeatureCollection<Point, DemandPointInput>,
  townships?: FeatureCollection<Polygon | MultiPolygon, TownshipInput>,
): ZonePopulationResult {
  const list = [...zones.features].sort((a, b) => a.properties.rank - b.properties.rank);
  const locate = zoneLocator(list);
  const fromPoints = list.map(() => 0);
  const counts = list.map(() => 0);
  const villages: AffectedVillage[] = [];
  const [lon0, lat0] = list[0]?.properties.center ?? [0, 0];
  for (const f of demandPoints.features) {
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const rank = locate(lon, lat);
    if (rank < 0) continue;
    const p = f.properties;
    const population = Number(p.population) || 0;
    const zone = list[rank]!.properties;
    fromPoints[rank]! += population;
    counts[rank]!++;
    villages.push({
      id: featureKey(f), code: p.code ?? null, name: p.name ?? String(featureKey(f)), townshipCode: p.townshipCode ?? null, population,
      zone: zone.key, rank, evacuate: zone.evacuate, distanceM: Math.round(haversineM(lon0, lat0, lon, lat)), lonLat: [lon, lat],
    });
  }
  villages.sort((a, b) => a.rank - b.rank || a.distanceM - b.distanceM);
  const fromDensity = townships ? densityByBand(list, demandPoints, townships) : list.map(() => 0);

  let cumulative = 0;
  const rows = list.map((z, i): ZonePopulationRow => {
    const population = fromPoints[i]! + fromDensity[i]!;
    cumulative += population;
    return {
      key: z.properties.key, rank: z.properties.rank, evacuate: z.properties.evacuate,
      fromPoints: fromPoints[i]!, fromDensity: fromDensity[i]!, population, cumulativePopulation: cumulative, villages: counts[i]!,
    };
  });
  const evacuated = rows.filter((r) => r.evacuate);
  return {
    zones: rows,
    villages,
    population: cumulative,
    evacuees: evacuated.reduce((s, r) => s + r.population, 0),
    evacueesFromDensity: evacuated.reduce((s, r) => s + r.fromDensity, 0),
  };
}

/** Whole people per band from the township remainders (population not held by demand points). */
function densityByBand(
  zones: readonly Feature<Polygon, ZoneProps>[],
  demandPoints: FeatureCollection<Point, DemandPointInput>,
  townships: FeatureCollection<Polygon | MultiPolygon, TownshipInput>,
): number[] {
  const held = new Map<string, number>();
  let locate: ((lon: number, lat: number) => number) | undefined;
  for (const f of demandPoints.features) {
    let code = f.properties.townshipCode ?? null;
    if (!code) {
      locate ??= polygonLocator(townships.features);
      const i = locate(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
      code = i < 0 ? null : townships.features[i]!.properties.code;
    }
    if (code) held.set(code, (held.get(code) ?? 0) + (Number(f.properties.population) || 0));
  }
  const bands = zones.map(() => 0);
  const outer = zones[zones.length - 1];
  if (!outer) return bands;
  const outerBox = turf.bbox(outer);
  for (const t of townships.features) {
    const remainder = (Number(t.properties.population) || 0) - (held.get(t.properties.code) ?? 0);
    if (remainder <= 0 || !boxesOverlap(outerBox, turf.bbox(t))) continue;
    const density = remainder / turf.area(t);
    let inner = 0;
    zones.forEach((z, i) => {
      const overlap = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([z, t]));
      const area = overlap ? turf.area(overlap) : 0;
      bands[i]! += density * Math.max(0, area - inner);
      inner = area;
    });
  }
  return bands.map((b) => Math.round(b));
}

function boxesOverlap(a: number[], b: number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}
