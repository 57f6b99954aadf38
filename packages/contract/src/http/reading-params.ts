import { z } from 'zod';

const NUM = String.raw`-?\d+(\.\d+)?`;

/** `bbox=minLon,minLat,maxLon,maxLat` (WGS84 / CRS84 degrees) → a 4-tuple; validated for ranges and order. */
export const BboxParam = z
  .string()
  .regex(new RegExp(`^${NUM},${NUM},${NUM},${NUM}$`), 'bbox must be minLon,minLat,maxLon,maxLat')
  .transform((s) => s.split(',').map(Number) as [number, number, number, number])
  .refine(([x0, y0, x1, y1]) => x0 >= -180 && x1 <= 180 && y0 >= -90 && y1 <= 90, 'bbox must lie within -180,-90,180,90')
  .refine(([x0, y0, x1, y1]) => x0 <= x1 && y0 <= y1, 'bbox min must not exceed max')
  .describe('minLon,minLat,maxLon,maxLat in WGS84 degrees; features whose geometry intersects it');

/** Comma-separated property names → list. */
export const FieldsParam = z
  .string()
  .regex(/^[A-Za-z0-9_]+(,[A-Za-z0-9_]+)*$/, 'fields must be comma-separated property names')
  .transform((s) => s.split(','))
  .describe('comma-separated property names to return (id is always returned)');

/** Query of `GET /api/layers/:id`; any other parameter is an attribute filter on a property. */
export const LayerItemsQuery = z
  .object({
    bbox: BboxParam.optional(),
    limit: z.coerce.number().int().min(1).max(10_000).default(10_000).describe('page size (default and maximum 10000)'),
    offset: z.coerce.number().int().min(0).default(0).describe('features to skip'),
    fields: FieldsParam.optional(),
  })
  .catchall(z.union([z.string(), z.array(z.string())]).describe('attribute filter: property=value (repeat for any of several values)'));

export const LayerIdParams = z.object({ id: z.string().describe('layer id, e.g. shelters') });
