import { z } from 'zod';

/** The query and path parameters of the OGC API – Features routes (moved here from the API's reading schemas). */

const NUM = String.raw`-?\d+(\.\d+)?`;

const INSTANT = String.raw`\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?`;

/** OGC `datetime`: an instant or an interval `start/end` with `..` (or empty) for an open end → [from, to]. */
export const DatetimeParam = z
  .string()
  .regex(new RegExp(`^(${INSTANT}|(${INSTANT}|\\.\\.|)/(${INSTANT}|\\.\\.|))$`), 'datetime must be an RFC 3339 instant or an interval start/end (.. for open)')
  .transform((s): [Date | null, Date | null] => {
    const parse = (t: string) => (t === '' || t === '..' ? null : new Date(/T/.test(t) && !/(Z|[+-]\d{2}:?\d{2})$/.test(t) ? `${t}Z` : t));
    if (!s.includes('/')) {
      const d = parse(s)!;
      const dateOnly = !/T/.test(s);
      return [d, dateOnly ? new Date(d.getTime() + 86_400_000 - 1) : d];
    }
    const [a, b] = s.split('/') as [string, string];
    return [parse(a), parse(b)];
  })
  .refine(([a, b]) => (!a || !Number.isNaN(a.getTime())) && (!b || !Number.isNaN(b.getTime())), 'datetime holds an invalid date')
  .refine(([a, b]) => !a || !b || a <= b, 'datetime interval start must not be after its end')
  .describe('updatedAt (the time of the last edit) at an instant, on a date, or within an interval start/end (.. for open), RFC 3339');

/** OGC `bbox` in any offered CRS (`bbox-crs`): four numbers, min before max; CRS84 ranges are checked by the handler. */
export const OgcBboxParam = z
  .string()
  .regex(new RegExp(`^${NUM},${NUM},${NUM},${NUM}$`), 'bbox must be four comma-separated numbers (min, min, max, max)')
  .transform((s) => s.split(',').map(Number) as [number, number, number, number])
  .refine(([x0, y0, x1, y1]) => x0 <= x1 && y0 <= y1, 'bbox min must not exceed max')
  .describe('box in bbox-crs (default CRS84 minLon,minLat,maxLon,maxLat; in the CRS\'s axis order otherwise); features whose geometry intersects it');

const CrsParam = z.string().min(1).max(200);

/** Query of OGC `/ogc/collections/{collectionId}/items`; any other parameter is an attribute filter. */
export const OgcItemsQuery = z
  .object({
    bbox: OgcBboxParam.optional(),
    'bbox-crs': CrsParam.optional().describe('CRS of bbox (Part 2): a URI from the collection\'s crs list, default CRS84'),
    crs: CrsParam.optional().describe('CRS of the returned geometries (Part 2), in its axis order: CRS84 (default), EPSG:4326/4490 lat-lon, EPSG:3857, CGCS2000 Gauss-Krüger'),
    limit: z.coerce.number().int().min(1).max(10_000).default(100).describe('page size (default 100, maximum 10000)'),
    offset: z.coerce.number().int().min(0).default(0).describe('features to skip'),
    f: z.enum(['json', 'geojson', 'html']).optional().describe('output format (html for a browser)'),
    datetime: DatetimeParam.optional(),
    filter: z.string().min(1).max(10_000).optional().describe('a CQL2 text filter on the queryables, e.g. status = \'open\' AND capacity > 100'),
    'filter-lang': z.enum(['cql2-text', 'cql-text']).optional().describe('filter language (cql2-text; cql-text is read as cql2-text)'),
    'filter-crs': CrsParam.optional().describe('CRS of geometries in the filter (Part 3): a URI from the collection\'s crs list (its axis order), default CRS84'),
    sortby: z
      .string()
      .regex(/^[+-]?[A-Za-z_][A-Za-z0-9_]*( *, *[+-]?[A-Za-z_][A-Za-z0-9_]*)*$/, 'sortby must be comma-separated property names, each optionally prefixed by + or -')
      .optional()
      .describe('sort by queryables, e.g. -capacity,name (default: id ascending)'),
  })
  .catchall(z.union([z.string(), z.array(z.string())]).describe('attribute filter: property=value'));

/** Query of the OGC resources other than items (only the format). */
export const OgcFormatQuery = z.object({ f: z.enum(['json', 'geojson', 'html']).optional().describe('output format (html for a browser)') });

/** Query of one OGC item: the format and the output CRS. */
export const OgcItemQuery = z.object({ f: z.enum(['json', 'geojson', 'html']).optional().describe('output format'), crs: CrsParam.optional().describe('CRS of the geometry (Part 2)') });

export const CollectionParams = z.object({ collectionId: z.string().describe('collection (layer) id, e.g. shelters') });
export const ItemParams = z.object({
  collectionId: z.string().describe('collection (layer) id'),
  featureId: z.coerce.number().int().min(1).describe('feature id'),
});

/** Path of `GET /tiles/{layer}/{z}/{x}/{y}.mvt`. */
export const TileParams = z.object({
  layer: z.string().describe('layer id'),
  z: z.coerce.number().int().min(0).max(22).describe('zoom 0–22'),
  x: z.coerce.number().int().min(0).describe('column, 0 ≤ x < 2^z'),
  y: z.coerce.number().int().min(0).describe('row, 0 ≤ y < 2^z'),
});
