import type { TileBudget } from '@riskmap/db';
import type { AppConfig } from '@riskmap/config/env';

/**
 * The per-tile budget of the configuration (TILE_MAX_FEATURES, TILE_MAX_BYTES, TILE_FULL_DETAIL_ZOOM,
 * TILE_CLUSTER_CELL_PX): what `layerTile` thins low-zoom point tiles to.
 * @example layerTile(db, backend, d, t, { budget: tileBudget(config) })
 */
export function tileBudget(config: Pick<AppConfig, 'gis'>): TileBudget {
  const g = config.gis;
  return { maxFeatures: g.tileMaxFeatures, maxBytes: g.tileMaxBytes, fullDetailZoom: g.tileFullDetailZoom, cellPx: g.tileClusterCellPx };
}
