import { z } from 'zod';

/**
 * Structural GeoJSON geometry schemas (finite numbers in the right nesting). The meaning is checked after
 * parsing: ranges, swapped lon/lat, rings and self-intersections by validateGeometry from @riskmap/geo, then
 * OGC validity and the county tolerance by PostGIS (checkGeometry in @riskmap/db).
 */
export const Position = z.tuple([z.number().finite(), z.number().finite()]).rest(z.number().finite());
const Ring = z.array(Position);

export const PointSchema = z.strictObject({ type: z.literal('Point'), coordinates: Position });
export const PolygonSchema = z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) });
export const MultiPolygonSchema = z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) });

/** Point geometry or its [lon, lat] shorthand (used by the townships' seat property). */
export const PointOrPair = z.union([PointSchema, Position]);

