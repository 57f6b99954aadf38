/** Coverage overlays: service-area circles by shelter class, fire-station and warehouse reach, uncovered villages by township. */
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';

const R_EARTH_M = 6_371_008.8;

/** A geodesic circle of `radiusM` around [lon, lat] as a polygon of `steps` vertices. */
export function circle(centre: readonly [number, number], radiusM: number, steps = 48, properties: Record<string, unknown> = {}): Feature<Polygon> {
  const [lon, lat] = centre;
  const φ1 = (lat * Math.PI) / 180;
  const λ1 = (lon * Math.PI) / 180;
  const δ = radiusM / R_EARTH_M;
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const θ = ((i % steps) / steps) * 2 * Math.PI;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
    const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
    ring.push([(λ2 * 180) / Math.PI, (φ2 * 180) / Math.PI]);
  }
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties };
}

/** GET /api/analytics/coverage (the contract's answer). */
export type { CoverageAnswer } from '@riskmap/contract';
import type { CoverageAnswer } from '@riskmap/contract';

/**
 * Service circles of the facilities the coverage answer counted: its reach (impedance metres) divided
 * by the detour factor is the straight-line radius drawn (for fire stations and warehouses: minutes ×
 * speed ÷ detour). `kind` is the shelter class, else `fallbackKind` ('fire' or 'warehouse').
 */
export function reachCircles(
  answer: CoverageAnswer,
  points: FeatureCollection<Point, { code: string; shelterClass?: string }>,
  fallbackKind: 'fire' | 'warehouse' = 'fire',
): FeatureCollection<Polygon> {
  const at = new Map(points.features.map((f) => [f.properties.code, f]));
  const detour = answer.impedance.detourFactor > 0 ? answer.impedance.detourFactor : 1;
  const features = answer.facilities.flatMap((fac) => {
    const p = at.get(fac.code);
    if (!p || fac.reachM === undefined) return []; // reach is told to signed-in callers only
    const [lon, lat] = p.geometry.coordinates as [number, number];
    return [circle([lon, lat], fac.reachM / detour, 48, { code: fac.code, kind: p.properties.shelterClass ?? fallbackKind, radiusM: Math.round(fac.reachM / detour) })];
  });
  return { type: 'FeatureCollection', features };
}

/** Colour of a service circle by shelter class (fire-station reach in red, warehouse reach in brown). */
export const REACH_COLOURS: Record<string, string> = {
  emergency: '#74add1',
  'short-term': '#4575b4',
  'medium-term': '#5e3c99',
  'long-term': '#1b7837',
  central: '#006837',
  fire: '#d7301f',
  warehouse: '#8c510a',
};

export interface UncoveredGroup {
  townshipCode: string;
  name: string;
  uncoveredPopulation: number;
  villages: { code: string; name: string; population: number; lonLat: [number, number] }[];
}

/** Uncovered villages grouped by township, townships with the most uncovered people first. */
export function uncoveredByTownship(answer: CoverageAnswer, townshipName: (code: string) => string): UncoveredGroup[] {
  const groups = new Map<string, UncoveredGroup>();
  for (const f of answer.uncovered.features) {
    const code = f.properties.townshipCode;
    let g = groups.get(code);
    if (!g) groups.set(code, (g = { townshipCode: code, name: townshipName(code), uncoveredPopulation: 0, villages: [] }));
    const people = f.properties.population ?? 0; // anonymous answers leave it out
    g.uncoveredPopulation += people;
    g.villages.push({ code: f.properties.code, name: f.properties.name ?? f.properties.code, population: people, lonLat: (f.geometry?.coordinates ?? [NaN, NaN]) as [number, number] });
  }
  for (const g of groups.values()) g.villages.sort((a, b) => b.population - a.population);
  return [...groups.values()].sort((a, b) => b.uncoveredPopulation - a.uncoveredPopulation);
}

/** Straight-line radius (m) a warehouse level reaches: minutes × speed (km/h → m/min) ÷ detour factor. */
export function warehouseRadiusM(minutes: number, speedKmh: number, detourFactor: number): number {
  return (minutes * speedKmh * 1000) / 60 / (detourFactor > 0 ? detourFactor : 1);
}
