/**
 * The offline base map: a style made only from our own data (neighbouring counties greyed, township
 * boundaries from the API), under an optional raster base (+ annotation overlay) when the site
 * configures one (GET /api/config → baseMap), with its attribution.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { SiteConfig } from '../api/types.js';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function raster(tiles: string[], base: NonNullable<SiteConfig['baseMap']>, attribution: boolean): SourceSpecification {
  return {
    type: 'raster',
    tiles,
    tileSize: base.tileSize ?? 256,
    ...(base.maxzoom ? { maxzoom: base.maxzoom } : {}),
    ...(attribution && base.attribution ? { attribution: base.attribution } : {}),
  };
}

/** A style with the background, optional raster base, neighbouring counties and the townships. No glyphs, no sprites. */
export function baseStyle(townships: FeatureCollection | null, config: SiteConfig | null, context: FeatureCollection | null = null): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {
    townships: { type: 'geojson', data: townships ?? EMPTY },
    context: { type: 'geojson', data: context ?? EMPTY },
  };
  const layers: LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': '#e9edf1' } }];
  const base = config?.baseMap;
  const hasBase = Boolean(base && base.tiles.length > 0);
  if (base && hasBase) {
    sources['site-base'] = raster(base.tiles, base, true);
    layers.push({ id: 'site-base', type: 'raster', source: 'site-base' });
    if (base.overlay?.length) {
      sources['site-overlay'] = raster(base.overlay, base, false);
      layers.push({ id: 'site-overlay', type: 'raster', source: 'site-overlay' });
    }
  }
  layers.push(
    { id: 'context-fill', type: 'fill', source: 'context', paint: { 'fill-color': '#d3d8de', 'fill-opacity': hasBase ? 0.45 : 1 } },
    { id: 'context-line', type: 'line', source: 'context', paint: { 'line-color': '#9aa5b1', 'line-width': 1 } },
    {
      id: 'townships-fill',
      type: 'fill',
      source: 'townships',
      paint: { 'fill-color': ['case', ['boolean', ['get', 'isUrban'], false], '#f7f3ea', '#fbfcfd'], 'fill-opacity': hasBase ? 0.35 : 1 },
    },
    { id: 'townships-line', type: 'line', source: 'townships', paint: { 'line-color': '#6b7c8f', 'line-width': 1.2, 'line-dasharray': [3, 2] } },
  );
  return { version: 8, sources, layers };
}
