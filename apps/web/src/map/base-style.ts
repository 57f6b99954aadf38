/**
 * The offline base map: a style made only from our own data (township boundaries from the API), with
 * an optional raster/XYZ layer when the site configures one (GET /api/config → baseMap).
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { SiteConfig } from '../api/types.js';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** A style with the background, optional raster base, and the townships (fill + outline). No glyphs, no sprites. */
export function baseStyle(townships: FeatureCollection | null, config: SiteConfig | null): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {
    townships: { type: 'geojson', data: townships ?? EMPTY },
  };
  const layers: LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': '#e9edf1' } }];
  const base = config?.baseMap;
  if (base && base.tiles.length > 0) {
    sources['site-base'] = {
      type: 'raster',
      tiles: base.tiles,
      tileSize: base.tileSize ?? 256,
      ...(base.maxzoom ? { maxzoom: base.maxzoom } : {}),
      ...(base.attribution ? { attribution: base.attribution } : {}),
    };
    layers.push({ id: 'site-base', type: 'raster', source: 'site-base' });
  }
  layers.push(
    {
      id: 'townships-fill',
      type: 'fill',
      source: 'townships',
      paint: { 'fill-color': ['case', ['boolean', ['get', 'isUrban'], false], '#f7f3ea', '#fbfcfd'], 'fill-opacity': base ? 0.35 : 1 },
    },
    { id: 'townships-line', type: 'line', source: 'townships', paint: { 'line-color': '#6b7c8f', 'line-width': 1.2, 'line-dasharray': [3, 2] } },
  );
  return { version: 8, sources, layers };
}
