import type { GeoJSON } from 'geojson';
import { mapPositions } from './map-positions.js';

/**
 * True when a GeoJSON object declared as lon/lat has positions outside ±180 / ±90: numbers that are
 * metres of a projected CRS (a Gauss-Krüger zone, say), not degrees.
 * @example coordinatesLookProjected({ type: 'Point', coordinates: [390150.7, 3998437.6] }) // true
 */
export function coordinatesLookProjected(geojson: GeoJSON): boolean {
  let projected = false;
  mapPositions(geojson, (p) => {
    if (Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90) projected = true;
    return p;
  });
  return projected;
}
