import type { Feature, Point } from 'geojson';
import type { SitingTask } from './build-siting-task.js';
import type { SiteInfo } from './siting-inputs.js';

const SITE_TYPES = new Set(['park', 'square', 'school', 'stadium', 'civil-defence', 'green', 'vacant', 'other']);

/**
 * The request that adds a chosen site as a planned shelter or fire station through the editing
 * route `POST /api/layers/{layer}` (the planner may adjust the properties first).
 * @example acceptFeature(task, { id: 'CS-014', lon: 115.78, lat: 36.11 }, info) // { layer: 'shelters', feature: { type: 'Feature', … status: 'planned' } }
 */
export function acceptFeature(
  task: SitingTask,
  site: { id: string | number; lon: number; lat: number },
  info: SiteInfo | undefined,
): { layer: 'shelters' | 'fire-stations'; feature: Feature<Point> } {
  const geometry: Point = { type: 'Point', coordinates: [site.lon, site.lat] };
  const code = String(site.id);
  const name = info?.name ?? code;
  const townshipCode = info?.townshipCode ?? null;
  if (task.accept.facility === 'fire-station') {
    return { layer: 'fire-stations', feature: { type: 'Feature', geometry, properties: { code, name, stationType: 'class-2', townshipCode } } };
  }
  const effective = info?.effectiveAreaM2 ?? 0;
  return {
    layer: 'shelters',
    feature: {
      type: 'Feature',
      geometry,
      properties: {
        code,
        name,
        shelterClass: 'short-term',
        siteType: info?.siteType && SITE_TYPES.has(info.siteType) ? info.siteType : 'other',
        totalAreaM2: info?.areaM2 ?? effective,
        effectiveAreaM2: effective,
        capacity: Math.floor(effective / task.accept.shelterPerCapitaM2),
        status: 'planned',
        townshipCode,
      },
    },
  };
}
