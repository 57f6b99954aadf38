/** Sources and layers of the command map (specs are plain data; `installLayers` adds them to a map). */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, Map as MlMap } from 'maplibre-gl';
import type { PointLayerId, RiskLevel } from '../api/types.js';

export type LevelColours = Record<RiskLevel, string>;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** `match` expression from a level-valued expression to its colour. */
export function levelColour(input: ExpressionSpecification, c: LevelColours): ExpressionSpecification {
  return ['match', input, 1, c[1], 2, c[2], 3, c[3], 4, c[4], '#999999'];
}

/** Map layer ids belonging to each data layer (for visibility toggles and click handling). */
export const MAP_LAYERS_OF: Record<PointLayerId | 'townships', string[]> = {
  townships: ['townships-fill', 'townships-line'],
  'risk-points': ['risk-points', 'risk-dense'], // the tile layer's visibility follows its use (risk-tiles.ts showRiskTiles)
  'hazard-sources': ['hazard-halo', 'hazard-sources'],
  shelters: ['shelters'],
  warehouses: ['warehouses'],
  'fire-stations': ['fire-stations'],
};

export const CLICKABLE = ['risk-points', 'risk-tiles', 'hazard-sources', 'shelters', 'warehouses', 'fire-stations', 'emap-fill'];

export function commandLayers(c: LevelColours): LayerSpecification[] {
  return [
    { id: 'emap-fill', type: 'fill', source: 'emap', layout: { visibility: 'none' }, paint: { 'fill-color': ['coalesce', ['get', 'color'], 'rgba(0,0,0,0)'], 'fill-opacity': 0.6 } },
    { id: 'emap-line', type: 'line', source: 'emap', layout: { visibility: 'none' }, paint: { 'line-color': '#ffffff', 'line-width': 0.8 } },
    {
      id: 'risk-heat',
      type: 'heatmap',
      source: 'risk-heat',
      layout: { visibility: 'none' },
      paint: {
        'heatmap-weight': ['match', ['get', 'level'], 1, 1, 2, 0.5, 3, 0.25, 0.12],
        'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 8, 18, 13, 40],
        'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 8, 1, 13, 2],
        'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], 0, 'rgba(44,123,182,0)', 0.2, c[4], 0.45, c[3], 0.7, c[2], 1, c[1]],
        'heatmap-opacity': 0.8,
      },
    },
    {
      id: 'risk-points',
      type: 'circle',
      source: 'risk-points',
      paint: {
        'circle-color': levelColour(['get', 'level'], c),
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4, 14, 8],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.2,
      },
    },
    {
      id: 'hazard-halo',
      type: 'circle',
      source: 'hazard-sources',
      filter: ['==', ['get', 'isMajor'], true],
      paint: { 'circle-radius': 17, 'circle-color': 'rgba(139,0,0,0.15)', 'circle-stroke-color': '#8b0000', 'circle-stroke-width': 2 },
    },
    symbol('hazard-sources', ['case', ['==', ['get', 'isMajor'], true], 'hazard-major', 'hazard'], 0.9),
    symbol('warehouses', 'warehouse', 0.9),
    symbol('fire-stations', 'fire-station', 0.9),
    symbol('shelters', ['concat', 'shelter-', ['get', 'status']], ['match', ['get', 'shelterClass'], 'central', 1.3, 'long-term', 1.1, 'medium-term', 1, 'short-term', 0.9, 0.75]),
    { id: 'selected', type: 'circle', source: 'selected', paint: { 'circle-radius': 16, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#00e5ff', 'circle-stroke-width': 3 } },
  ];
}

function symbol(id: string, image: ExpressionSpecification | string, size: ExpressionSpecification | number): LayerSpecification {
  return { id, type: 'symbol', source: id, layout: { 'icon-image': image, 'icon-size': size, 'icon-allow-overlap': true, 'icon-ignore-placement': true } };
}

/** Add the command map's sources (empty) and layers to a map whose base style is loaded. */
export function installLayers(map: MlMap, c: LevelColours, extra: (m: MlMap) => void = () => {}): void {
  map.addSource('emap', { type: 'geojson', data: EMPTY });
  map.addSource('risk-heat', { type: 'geojson', data: EMPTY });
  for (const id of ['risk-points', 'hazard-sources', 'shelters', 'warehouses', 'fire-stations', 'selected']) map.addSource(id, { type: 'geojson', data: EMPTY });
  for (const layer of commandLayers(c)) map.addLayer(layer);
  extra(map);
}

/** Above this many risk points the vector tiles draw them (command/risk-tiles.ts; the WebGL layer for in-browser points); below, the GeoJSON layer. */
export const DENSE_ABOVE = 3000;
