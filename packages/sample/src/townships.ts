/**
 * Approximate township polygons: Voronoi cells of the 18 real township seats, clipped to the real
 * county outline. They tile the county; the boundaries are generated, not surveyed (approximate: true).
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { TownshipSeat } from './reference-data.js';

/** County code (GB/T 2260) of 阳谷县. */
export const COUNTY_CODE = '371521';

/** A township polygon before populations are attached. */
export interface TownshipShape {
  /** Sample township code: county code + 3 digits in the order of township-seats.csv (not the official codes). */
  code: string;
  name: string;
  kind: TownshipSeat['kind'];
  isUrban: boolean;
  seat: [number, number];
  geometry: MultiPolygon;
  /** Spherical area in km². */
  areaKm2: number;
}

function toMultiPolygon(geometry: Polygon | MultiPolygon): MultiPolygon {
  return geometry.type === 'MultiPolygon' ? geometry : { type: 'MultiPolygon', coordinates: [geometry.coordinates] };
}

/**
 * Township code for the i-th seat (0-based).
 * @example townshipCode(0) // '371521001'
 */
export function townshipCode(index: number): string {
  return `${COUNTY_CODE}${String(index + 1).padStart(3, '0')}`;
}

/**
 * Voronoi cells of the seats clipped to the county, one per seat, in seat order.
 * @example buildTownshipShapes(ref.seats, ref.county).length // 18
 */
export function buildTownshipShapes(seats: TownshipSeat[], county: Feature<MultiPolygon>): TownshipShape[] {
  const [minX, minY, maxX, maxY] = turf.bbox(county);
  const pad = 0.1;
  const points = turf.featureCollection(seats.map((s) => turf.point([s.lon, s.lat])));
  const cells = turf.voronoi(points, { bbox: [minX - pad, minY - pad, maxX + pad, maxY + pad] });
  return seats.map((seat, i) => {
    const cell = cells.features[i];
    if (!cell) throw new Error(`buildTownshipShapes: no Voronoi cell for ${seat.name} (duplicate seat point?)`);
    const clipped = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([cell, county]));
    if (!clipped) throw new Error(`buildTownshipShapes: the cell of ${seat.name} does not meet the county outline`);
    const geometry = toMultiPolygon(clipped.geometry);
    const seatPoint: [number, number] = [seat.lon, seat.lat];
    if (!turf.booleanPointInPolygon(seatPoint, geometry)) throw new Error(`buildTownshipShapes: the seat of ${seat.name} is outside its cell`);
    return {
      code: townshipCode(i),
      name: seat.name,
      kind: seat.kind,
      isUrban: seat.kind === 'subdistrict',
      seat: seatPoint,
      geometry,
      areaKm2: turf.area(geometry) / 1e6,
    };
  });
}

/**
 * The code of the township whose polygon contains `point` (boundary excluded), or null outside all of them.
 * @example locateTownship(shapes, [115.78, 36.10]) // '371521001'
 */
export function locateTownship(shapes: readonly { code: string; geometry: MultiPolygon }[], point: Position): string | null {
  for (const s of shapes) {
    if (turf.booleanPointInPolygon(point, s.geometry, { ignoreBoundary: true })) return s.code;
  }
  return null;
}
