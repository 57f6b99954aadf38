/**
 * Small geometry helpers for placing generated features: metric offsets around a point, random
 * points strictly inside a polygon (with a margin from its edge), and rectangles for plant boundaries.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Rng } from './prng.js';

const M_PER_DEG_LAT = 111_320;

/** Rounds a coordinate to 6 decimals (≈ 0.1 m), enough for points and shorter JSON. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * The position `dxM` metres east and `dyM` metres north of [lon, lat] (local flat approximation, fine below ~10 km).
 * @example offsetMeters([115.78, 36.10], 1000, 0) // ≈ [115.7911, 36.10]
 */
export function offsetMeters([lon, lat]: Position, dxM: number, dyM: number): [number, number] {
  const la = lat as number;
  return [(lon as number) + dxM / (M_PER_DEG_LAT * Math.cos((la * Math.PI) / 180)), la + dyM / M_PER_DEG_LAT];
}

export interface PlacementOptions {
  /** Draw around this point instead of over the whole polygon. */
  near?: Position;
  /** Radius around `near` in metres (a uniform disc). */
  radiusM?: number;
  /** Minimum distance from the polygon's edge in metres, so the point is unambiguously inside. */
  marginM: number;
  /** Groups of points to keep away from, each with its own minimum distance in metres. */
  avoid?: { points: readonly Position[]; spacingM: number }[];
}

function farEnough(p: Position, avoid: PlacementOptions['avoid']): boolean {
  return (avoid ?? []).every((group) => group.points.every((q) => turf.distance(p, q, { units: 'meters' }) >= group.spacingM));
}

/**
 * A random point strictly inside `area`, at least `marginM` from its edge; tries a disc around `near`
 * first, widening it, then the whole polygon. Throws after many failures (a programming error).
 * @example randomPointIn(rng, township, { near: seat, radiusM: 2000, marginM: 50 })
 */
export function randomPointIn(rng: Rng, area: Feature<Polygon | MultiPolygon>, options: PlacementOptions): [number, number] {
  const [minX, minY, maxX, maxY] = turf.bbox(area);
  for (let attempt = 0; attempt < 4000; attempt++) {
    let p: [number, number];
    if (options.near && options.radiusM !== undefined && attempt < 3000) {
      const widen = 1 + Math.floor(attempt / 300) * 0.5;
      const r = options.radiusM * widen * Math.sqrt(rng.next());
      const theta = rng.range(0, 2 * Math.PI);
      p = offsetMeters(options.near, r * Math.cos(theta), r * Math.sin(theta));
    } else {
      p = [rng.range(minX, maxX), rng.range(minY, maxY)];
    }
    p = [round6(p[0]), round6(p[1])];
    if (!turf.booleanPointInPolygon(p, area, { ignoreBoundary: true })) continue;
    if (!farEnough(p, options.avoid)) continue;
    const inside = -turf.pointToPolygonDistance(p, area, { units: 'meters' });
    if (inside >= options.marginM) return p;
  }
  throw new Error(`randomPointIn: no point found ${options.marginM} m inside ${String(area.properties?.['name'] ?? 'polygon')}`);
}

/**
 * A closed rectangle of `widthM` × `heightM` centred on `center`, rotated by `angleDeg` (counter-clockwise).
 * @example rectangleAround([115.9, 36.28], 300, 200, 15)
 */
export function rectangleAround(center: Position, widthM: number, heightM: number, angleDeg: number): Polygon {
  const a = (angleDeg * Math.PI) / 180;
  const corners: [number, number][] = [
    [-widthM / 2, -heightM / 2],
    [widthM / 2, -heightM / 2],
    [widthM / 2, heightM / 2],
    [-widthM / 2, heightM / 2],
  ];
  const ring = corners.map(([x, y]) => {
    const [lon, lat] = offsetMeters(center, x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a));
    return [round6(lon), round6(lat)];
  });
  ring.push(ring[0] as number[]);
  return { type: 'Polygon', coordinates: [ring] };
}
