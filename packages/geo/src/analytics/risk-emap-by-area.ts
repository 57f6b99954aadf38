import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { RiskLevel } from '../model.js';
import { riskPointLonLat } from './risk-point-lon-lat.js';
import type { EmapRiskPointProps } from './risk-emap-by-grid.js';
import {
  emapLegend, insertTopRisk, resolveEmapOptions, riskLevelOf, summarizeRiskLevels,
  type AreaRiskSummary, type EmapLegend, type EmapLevelOptions, type TopRisk,
} from './summarize-risk-levels.js';

export interface EmapAreaProps extends AreaRiskSummary {
  code: string;
  name: string;
}

export type RiskEmapAreas = FeatureCollection<Polygon | MultiPolygon, EmapAreaProps> & { legend: EmapLegend; unassigned: number };

/**
 * Four-colour risk e-map by area (townships, enterprises …): each area's level (highest inside, or
 * Σ level weights per km² graded by bands), counts per level, top risks and colour. Points join an
 * area by `townshipCode`, else by point-in-polygon; areas in km² are geodesic.
 * @example riskEmapByArea(townships, riskPoints, { method: 'weighted', riskLevels: config.domain.riskLevels }).features[0].properties.color // → '#d7191c'
 */
export function riskEmapByArea(
  areas: FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>,
  riskPoints: FeatureCollection<Geometry | null, EmapRiskPointProps & { townshipCode?: string | null }>,
  options: EmapLevelOptions,
): RiskEmapAreas {
  const opts = resolveEmapOptions(options);
  const byCode = new Map<string, { counts: Record<RiskLevel, number>; top: TopRisk[] }>(
    areas.features.map((a) => [a.properties.code, { counts: { 1: 0, 2: 0, 3: 0, 4: 0 }, top: [] }]),
  );
  const bboxes = areas.features.map((a) => turf.bbox(a));
  let unassigned = 0;
  riskPoints.features.forEach((f, i) => {
    const p = f.properties;
    const risk: TopRisk = { code: p?.code ?? String(f.id ?? i), name: p?.name ?? '', level: riskLevelOf(p?.level, i), score: p?.score ?? 0 };
    let list = p?.townshipCode ? byCode.get(p.townshipCode) : undefined;
    if (!list) {
      const lonLat = riskPointLonLat(f);
      const k = lonLat
        ? areas.features.findIndex((a, j) => {
            const b = bboxes[j]!;
            return lonLat[0] >= b[0] && lonLat[0] <= b[2] && lonLat[1] >= b[1] && lonLat[1] <= b[3] && turf.booleanPointInPolygon(lonLat, a);
          })
        : -1;
      list = k >= 0 ? byCode.get(areas.features[k]!.properties.code) : undefined;
    }
    if (list) {
      list.counts[risk.level]++;
      insertTopRisk(list.top, risk, opts.topN);
    }
    else unassigned++;
  });
  const features = areas.features.map((a) => ({
    type: 'Feature' as const,
    geometry: a.geometry,
    properties: { code: a.properties.code, name: a.properties.name, ...summarizeRiskLevels(byCode.get(a.properties.code)!.counts, byCode.get(a.properties.code)!.top, turf.area(a) / 1e6, opts) },
  }));
  return { type: 'FeatureCollection', features, legend: emapLegend(features.map((f) => f.properties.level), opts), unassigned };
}
