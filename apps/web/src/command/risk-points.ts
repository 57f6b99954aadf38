/** Puts risk points on the map: the GeoJSON layer for a county's few hundred, the WebGL layer above DENSE_ABOVE. */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import { DensePointsLayer } from '../map/dense-points.js';
import { DENSE_ABOVE, type LevelColours } from './map-layers.js';

export type RiskFeature = Feature<Point, { level: number }>;
export interface DenseItem {
  lonLat: [number, number];
  level: number;
  properties: object;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The WebGL layer for dense risk points, added to the map before `beforeId`. */
export function addDenseLayer(map: MlMap, colours: LevelColours, beforeId: string): DensePointsLayer<DenseItem> {
  const layer = new DensePointsLayer<DenseItem>('risk-dense', colours);
  map.addLayer(layer, beforeId);
  return layer;
}

/** Show `features` (already filtered by level) with the layer that suits their number; returns which one was used. */
export function showRiskPoints(map: MlMap, dense: DensePointsLayer<DenseItem>, features: readonly RiskFeature[]): 'geojson' | 'dense' {
  const src = map.getSource('risk-points') as GeoJSONSource;
  if (features.length > DENSE_ABOVE) {
    void src.setData(EMPTY);
    dense.setData(features.map((f) => ({ lonLat: f.geometry.coordinates as [number, number], level: f.properties.level, properties: f.properties })));
    return 'dense';
  }
  if (dense.size > 0) dense.setData([]);
  void src.setData({ type: 'FeatureCollection', features: features as unknown as Feature[] });
  return 'geojson';
}
