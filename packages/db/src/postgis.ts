/**
 * Typed PostGIS helpers over parameterised `sql` templates. Values are always bound parameters;
 * only column references (from code, never from input) are spliced, via sql.ref.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Geometry as GeoJSONGeometry } from 'geojson';

/** Geometry from a GeoJSON geometry object, SRID 4326. */
export function geomFromGeoJSON(geometry: GeoJSONGeometry): RawBuilder<unknown> {
  return sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326)`;
}

/** A MultiPolygon geometry from a Polygon or MultiPolygon GeoJSON geometry. */
export function multiPolygonFromGeoJSON(geometry: GeoJSONGeometry): RawBuilder<unknown> {
  return sql`ST_Multi(${geomFromGeoJSON(geometry)})`;
}

/** A point at lon/lat, SRID 4326. */
export function point(lon: number, lat: number): RawBuilder<unknown> {
  return sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`;
}

/** A column as parsed GeoJSON (9 decimals ≈ 0.1 mm), null stays null. */
export function asGeoJSON<T = GeoJSONGeometry>(column: string): RawBuilder<T> {
  return sql<T>`ST_AsGeoJSON(${sql.ref(column)}, 9)::json`;
}

/** True when `column` lies within `meters` of lon/lat, measured on the spheroid (geography). */
export function dwithinMeters(column: string, lon: number, lat: number, meters: number): RawBuilder<boolean> {
  return sql<boolean>`ST_DWithin(${sql.ref(column)}::geography, ${point(lon, lat)}::geography, ${meters})`;
}

/** Geodesic distance in metres from `column` to lon/lat. */
export function distanceMeters(column: string, lon: number, lat: number): RawBuilder<number> {
  return sql<number>`ST_Distance(${sql.ref(column)}::geography, ${point(lon, lat)}::geography)`;
}

/** KNN ordering expression (`<->`, index-assisted) from `column` to lon/lat; refine with distanceMeters. */
export function knnTo(column: string, lon: number, lat: number): RawBuilder<number> {
  return sql<number>`${sql.ref(column)} <-> ${point(lon, lat)}`;
}

/** Geodesic area in m² of a polygon column. */
export function geodesicAreaM2(column: string): RawBuilder<number> {
  return sql<number>`ST_Area(${sql.ref(column)}::geography)`;
}

/** True when the polygon `polygonColumn` contains the geometry `otherColumn`. */
export function contains(polygonColumn: string, otherColumn: string): RawBuilder<boolean> {
  return sql<boolean>`ST_Contains(${sql.ref(polygonColumn)}, ${sql.ref(otherColumn)})`;
}

/** True when the two geometry columns intersect. */
export function intersects(a: string, b: string): RawBuilder<boolean> {
  return sql<boolean>`ST_Intersects(${sql.ref(a)}, ${sql.ref(b)})`;
}

/** True when `column` intersects the lon/lat bounding box. */
export function inBbox(column: string, bbox: [number, number, number, number]): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} && ST_MakeEnvelope(${bbox[0]}, ${bbox[1]}, ${bbox[2]}, ${bbox[3]}, 4326)`;
}

/** True when the geometry in `column` itself (not only its bounding box) intersects the lon/lat box. */
export function intersectsBbox(column: string, bbox: [number, number, number, number]): RawBuilder<boolean> {
  return sql<boolean>`ST_Intersects(${sql.ref(column)}, ST_MakeEnvelope(${bbox[0]}, ${bbox[1]}, ${bbox[2]}, ${bbox[3]}, 4326))`;
}
