/**
 * Demand points: generated communities (社区) in the three 街道 and villages (村) in the towns, each
 * strictly inside its township polygon, with integer populations that sum exactly to the township's.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Position } from 'geojson';
import type { DemandPointProps } from '@riskmap/geo';
import { apportion } from './apportion.js';
import { randomPointIn } from './geometry.js';
import { communityName, villageName } from './names.js';
import type { Rng } from './prng.js';

/** What the village generator needs to know about a township. */
export interface TownshipForVillages {
  code: string;
  name: string;
  isUrban: boolean;
  population: number;
  seat: [number, number];
  geometry: MultiPolygon;
}

/** Metres a demand point keeps from its township's edge, so that it is unambiguously inside. */
export const DEMAND_POINT_MARGIN_M = 100;

function point(coords: Position, props: DemandPointProps): Feature<Point, DemandPointProps> {
  return turf.point(coords, props);
}

/**
 * Demand points of one township: communities clustered around the seat for 街道, villages spread over the town.
 * Codes: township code + 001… for communities, + 201… for villages (sample codes, the pattern of GB/T 10114).
 */
function townshipDemandPoints(rng: Rng, t: TownshipForVillages): Feature<Point, DemandPointProps>[] {
  const area = turf.feature(t.geometry, { name: t.name });
  const perPoint = t.isUrban ? rng.range(4500, 6500) : rng.range(560, 720);
  const count = Math.max(3, Math.round(t.population / perPoint));
  // Log-normal-ish sizes; the first point (at the seat) is the largest settlement.
  const weights = Array.from({ length: count }, (_, i) => Math.exp(rng.normal(0, 0.45)) * (i === 0 ? 3 : 1));
  const populations = apportion(t.population, weights, t.isUrban ? 800 : 80);
  const placed: Position[] = [];
  const names = new Set<string>();
  return populations.map((population, i) => {
    const coords = t.isUrban
      ? randomPointIn(rng, area, { near: t.seat, radiusM: i === 0 ? 300 : 3500, marginM: DEMAND_POINT_MARGIN_M, avoid: [{ points: placed, spacingM: 250 }] })
      : randomPointIn(rng, area, i === 0
        ? { near: t.seat, radiusM: 300, marginM: DEMAND_POINT_MARGIN_M }
        : { marginM: DEMAND_POINT_MARGIN_M, avoid: [{ points: placed, spacingM: 450 }] });
    placed.push(coords);
    const kind = t.isUrban ? 'community' : 'village';
    const name = t.isUrban ? communityName(rng, names) : villageName(rng, names);
    const code = `${t.code}${String(t.isUrban ? i + 1 : 201 + i).padStart(3, '0')}`;
    return point(coords, { code, name, sample: true, kind, townshipCode: t.code, population });
  });
}

/**
 * All demand points, township by township (600–900 in total for Yanggu's populations).
 * @example generateDemandPoints(rng, townships).features.length // ≈ 750
 */
export function generateDemandPoints(rng: Rng, townships: readonly TownshipForVillages[]): FeatureCollection<Point, DemandPointProps> {
  return turf.featureCollection(townships.flatMap((t) => townshipDemandPoints(rng, t)));
}
