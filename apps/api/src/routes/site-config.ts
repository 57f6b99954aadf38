import { Router } from 'express';
import { contextAreas } from '@riskmap/db';
import { basemapContext, siteConfig } from '@riskmap/contract';
import type { AppDeps } from '../deps.js';
import { mountRoute } from '../http/mount-route.js';

/** Tianditu WMTS (Web Mercator) vector map + annotation, when a key is configured (docs/coordinates-and-base-maps.md). */
function tianditu(key: string) {
  const wmts = (layer: string) =>
    [0, 1, 2, 3, 4, 5, 6, 7].map(
      (n) => `https://t${n}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`,
    );
  return { type: 'raster' as const, tiles: wmts('vec'), overlay: wmts('cva'), tileSize: 256, maxzoom: 18, attribution: '© 天地图 Tianditu' };
}

/**
 * `GET /api/config` — what the web app needs to know about this site: base map (null = our own
 * boundaries only, no external request), risk-level colours, the per-capita target.
 * `GET /api/basemap/context` — neighbouring counties for the offline base map.
 */
export function siteConfigRouter(deps: AppDeps): Router {
  const router = Router();
  const { basemap, domain } = deps.config;
  const baseMap = basemap.tiandituKey
    ? tianditu(basemap.tiandituKey)
    : basemap.url
      ? { type: 'raster' as const, tiles: [basemap.url], tileSize: 256, maxzoom: 19, attribution: basemap.attribution ?? '' }
      : null;
  mountRoute(router, siteConfig, (_req, res) => {
    res.json({
      baseMap,
      riskLevels: domain.riskLevels,
      perCapitaTargetM2: domain.shelters.perCapitaTargetM2,
      shelterClasses: domain.shelters.classes,
      usableShelterStatuses: domain.shelters.usableStatuses,
      walkingSpeedMPerMin: domain.shelters.walkingSpeedMPerMin,
    });
  });
  mountRoute(router, basemapContext, async (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').type('application/geo+json').json(await contextAreas(deps.db));
  });
  return router;
}
