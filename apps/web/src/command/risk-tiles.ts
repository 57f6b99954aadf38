/**
 * The command map's dense risk points as vector tiles (`/tiles/risk-points/{z}/{x}/{y}.mvt`): MapLibre
 * fetches, decodes and indexes only the tiles in view, off the main thread, and the server thins low-zoom
 * tiles to its per-tile budget (a feature there stands for `count` points of one level in its grid cell).
 * Level toggles are a layer filter; a data change moves `revision`, which is in the tile URL, so the
 * tiles are fetched again (the server answers an unchanged tile from its cache).
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, Map as MlMap, VectorTileSource } from 'maplibre-gl';
import { levelColour, type LevelColours } from './map-layers.js';

export const RISK_TILES = 'risk-tiles';
/** The MVT layer inside the tiles (the API names it by the layer id). */
const SOURCE_LAYER = 'risk-points';
const NOTHING: FilterSpecification = ['==', ['get', 'level'], -1];

/** The tile URL template of a data revision (absolute: MapLibre's workers resolve no relative URLs). */
export function riskTileUrl(origin: string, revision: number): string {
  return `${origin}/tiles/${SOURCE_LAYER}/{z}/{x}/{y}.mvt?v=${revision}`;
}

/** Radius (px) of a tile point by zoom and by how many points it stands for (a single point as the GeoJSON layer). */
export const TILE_POINT_RADIUS: ExpressionSpecification = [
  'interpolate', ['linear'], ['zoom'],
  8, ['+', 4, ['*', 1.2, ['ln', ['coalesce', ['get', 'count'], 1]]]],
  14, ['+', 8, ['*', 1.2, ['ln', ['coalesce', ['get', 'count'], 1]]]],
];

export function riskTileLayer(c: LevelColours): LayerSpecification {
  return {
    id: RISK_TILES,
    type: 'circle',
    source: RISK_TILES,
    'source-layer': SOURCE_LAYER,
    filter: NOTHING,
    // Hidden until shown: MapLibre asks for no tile of a source whose layers are all hidden (an anonymous visitor
    // may not read risk points, so an unused source must not ask).
    layout: { visibility: 'none' },
    paint: { 'circle-color': levelColour(['get', 'level'], c), 'circle-radius': TILE_POINT_RADIUS, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.2 },
  };
}

/** Add the (empty until shown) tile source and its circle layer before `beforeId`. */
export function addRiskTiles(map: MlMap, c: LevelColours, beforeId: string): void {
  map.addSource(RISK_TILES, { type: 'vector', tiles: [riskTileUrl(location.origin, 0)], minzoom: 0, maxzoom: 22 });
  map.addLayer(riskTileLayer(c), beforeId);
}

const shownRevision = new WeakMap<MlMap, number>();
const revisions = new WeakMap<object, number>();
let lastRevision = 0;

/** A number for a data object (the risk-point FeatureCollection as loaded): a new object, a new number. */
export function revisionOf(data: object | undefined): number {
  if (!data) return 0;
  let r = revisions.get(data);
  if (r === undefined) revisions.set(data, (r = ++lastRevision));
  return r;
}

/**
 * The properties of a clicked tile feature: the risk point's full record from the loaded layer when there, else the
 * tile's (with its id); a thinned one's `count` (the tile's field: how many points it stands for) as `clusterCount`,
 * which the detail panel words ("代表约 N 个风险点").
 */
export function tileFeatureProperties(f: { id?: string | number; properties: Record<string, unknown> }, loaded: readonly { id?: string | number; properties: object | null }[]): Record<string, unknown> {
  const full = f.id === undefined ? undefined : loaded.find((x) => x.id === f.id);
  const { count, ...fromTile } = f.properties;
  return { ...(full?.properties ?? fromTile), id: f.id, ...(Number(count) > 1 ? { clusterCount: Number(count) } : {}) };
}

/** Show the tiles of `revision` with the chosen levels only (`null`: hide them, the GeoJSON layer draws). */
export function showRiskTiles(map: MlMap, levels: readonly number[] | null, revision: number): void {
  const src = map.getSource(RISK_TILES) as VectorTileSource | undefined;
  if (!src) return;
  if (levels && revision !== (shownRevision.get(map) ?? 0)) {
    shownRevision.set(map, revision);
    src.setTiles([riskTileUrl(location.origin, revision)]);
  }
  map.setFilter(RISK_TILES, levels ? ['in', ['get', 'level'], ['literal', [...levels]]] : NOTHING);
  map.setLayoutProperty(RISK_TILES, 'visibility', levels ? 'visible' : 'none');
}
