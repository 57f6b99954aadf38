import type { GeoJSON } from 'geojson';
import { crsTransformer, type CrsTransformOptions } from './crs-transformer.js';
import { mapPositions } from './map-positions.js';

/**
 * Reprojects every position of a GeoJSON object between two CRSs (see `listCrs`: CRS84, EPSG:4326,
 * EPSG:4490, EPSG:3857, CGCS2000 Gauss-Krüger zones, GCJ-02, BD-09); returns a new object.
 * @example reprojectGeoJson(surveyed, 'EPSG:4527', 'EPSG:4326') // GK zone 39 metres → lon/lat
 */
export function reprojectGeoJson<T extends GeoJSON>(geojson: T, from: string, to: string, options: CrsTransformOptions = {}): T {
  return mapPositions(geojson, crsTransformer(from, to, options));
}
