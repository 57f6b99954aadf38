import type { Feature, FeatureCollection, Point } from 'geojson';
import type { SitingResult } from './siting-problem.js';

/**
 * The chosen sites as a GeoJSON FeatureCollection of Points (per-site figures in properties) with the
 * result's summary (objective, indicators, solver, per-township table …) as the collection's `properties`.
 * @example sitingResultToGeoJson(result).features[0].properties.demandWeight; // 5 230
 */
export function sitingResultToGeoJson(result: SitingResult): FeatureCollection<Point> & { properties: Record<string, unknown> } {
  const { chosen, ...summary } = result;
  const features: Feature<Point>[] = chosen.map((c) => {
    const { lon, lat, ...props } = c;
    return { type: 'Feature', id: c.id, geometry: { type: 'Point', coordinates: [lon, lat] }, properties: props };
  });
  return { type: 'FeatureCollection', features, properties: summary };
}
