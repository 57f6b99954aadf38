import { z } from 'zod';

/**
 * Structural GeoJSON geometry schemas (lon/lat ranges, closed rings of ≥ 4 positions). Topological validity
 * (self-intersections) and the county check are done by PostGIS (checkGeometry in @riskmap/db); @riskmap/geo
 * has no validateGeometry yet.
 */
const Lon = z.number().finite().min(-180).max(180);
const Lat = z.number().finite().min(-90).max(90);
export const Position = z.tuple([Lon, Lat]).rest(z.number().finite());

const Ring = z
  .array(Position)
  .min(4, 'a ring needs at least 4 positions')
  .refine((ring) => ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1], 'a ring must be closed (first position = last)');

export const PointSchema = z.strictObject({ type: z.literal('Point'), coordinates: Position });
export const PolygonSchema = z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) });
export const MultiPolygonSchema = z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) });

/** Point geometry or its [lon, lat] shorthand (used by the townships' seat property). */
export const PointOrPair = z.union([PointSchema, Position]);

/** How far outside the county boundary (m) a feature may lie: boundaries are approximate and stations serve across it. */
export const COUNTY_TOLERANCE_M = 1000;
