/**
 * Puts risk points on the map: the GeoJSON layer for a county's few hundred; above DENSE_ABOVE the vector
 * tiles of the database's risk points (command/risk-tiles.ts), or the WebGL layer for points that exist
 * only in the browser (no `tiles` given).
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import { DensePointsLayer } from '../map/dense-points.js';
import { DENSE_ABOVE, type LevelColours } from './map-layers.js';
import { showRiskTiles } from './risk-tiles.js';

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

/**
 * Show `features` (already filtered by level) with the layer that suits their number; returns which one was used.
 * `tiles`: the features are the database's risk points of these levels at this data revision.
 */
export function showRiskPoints(map: MlMap, dense: DensePointsLayer<DenseItem>, features: readonly RiskFeature[], tiles?: { levels: readonly number[]; revision: number }): 'geojson' | 'dense' | 'tiles' {
  const src = map.getSource('risk-points') as GeoJSONSource;
  if (features.length > DENSE_ABOVE && tiles) {
    void src.setData(EMPTY);
    if (dense.size > 0) dense.setData([]);
    showRiskTiles(map, tiles.levels, tiles.revision);
    return 'tiles';
  }
  showRiskTiles(map, null, 0);
  if (features.length > DENSE_ABOVE) {
    void src.setData(EMPTY);
    dense.setData(features.map((f) => ({ lonLat: f.geometry.coordinates as [number, number], level: f.properties.level, properties: f.properties })));
    return 'dense';
  }
  if (dense.size > 0) dense.setData([]);
  void src.setData({ type: 'FeatureCollection', features: features as unknown as Feature[] });
  return 'geojson';
}
