/** A siting result as files: GeoJSON (chosen sites, uncoverable demand, excluded candidates, and what the run was) and CSV (sites, then uncoverable demand). */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { csvText, type CsvCell } from '@riskmap/contract';
import { fill, zhT, type Locale, type MessageKey, type Translate } from '../i18n/index.js';
import { siteTypeLabel } from './edit-logic.js';
import { excludedName, sitingExplanation } from './siting-explain-logic.js';
import { problemLabel, siteAdds, unitLabel, type SitingResult } from './siting-logic.js';

export interface ExportOptions {
  t?: Translate;
  locale?: Locale;
  /** The data are the bundled sample data (the file says 示例数据). */
  sample: boolean;
  /** When the file was made (ISO time). */
  date: string;
}

type Kind = 'site' | 'uncoverable' | 'excluded';
type Props = Record<string, string | number | boolean | null>;
export type SitingExport = FeatureCollection<Point | null, Props & { kind: Kind }> & { properties: Props };

const kindLabel = (k: Kind, t: Translate) => t(`planning.siting.export.kind.${k}` as MessageKey);
const REASONS = ['hazard-distance', 'site-type', 'area', 'township'];
const reasonLabel = (r: string, t: Translate) => (REASONS.includes(r) ? t(`planning.siting.export.reason.${r}` as MessageKey) : r);
const round = (n: number | null | undefined, digits = 0) => (typeof n === 'number' && Number.isFinite(n) ? Number(n.toFixed(digits)) : null);
const point = (lon: number | undefined, lat: number | undefined): Point | null => (typeof lon === 'number' && typeof lat === 'number' ? { type: 'Point', coordinates: [lon, lat] } : null);

/**
 * The result as one FeatureCollection: every chosen site with its figures, every uncoverable demand point,
 * every excluded candidate with its reason (and place, when the answer gives it); `properties` names the run.
 * @example sitingGeoJson(result, { sample: true, date: '2026-12-04T01:00:00Z' }).properties.rule // '避难场所按等级服务半径…'
 */
export function sitingGeoJson(result: SitingResult, o: ExportOptions): SitingExport {
  const t = o.t ?? zhT;
  const locale = o.locale ?? 'zh-CN';
  const x = sitingExplanation(result, t, locale);
  const weighted = result.demandBasis?.kind === 'risk-weighted';
  const sites = result.sites.features.map((f): Feature<Point, Props & { kind: Kind }> => {
    const p = f.properties;
    return {
      type: 'Feature',
      geometry: f.geometry as Point,
      properties: {
        kind: 'site', kindLabel: kindLabel('site', t), code: p.code, name: p.name, siteType: p.siteType, siteTypeLabel: p.siteType ? siteTypeLabel(p.siteType, locale) : null,
        townshipName: p.townshipName, demandWeight: round(p.demandWeight), demandCount: p.demandCount ?? null, demandFigure: p.basis ?? null,
        areaM2: round(p.areaM2), effectiveAreaM2: round(p.effectiveAreaM2), adds: siteAdds(p, t, weighted) || null,
      },
    };
  });
  const uncoverable = (result.uncoverable?.points.features ?? []).map((f): Feature<Point, Props & { kind: Kind }> => ({
    type: 'Feature',
    geometry: f.geometry as Point,
    properties: { kind: 'uncoverable', kindLabel: kindLabel('uncoverable', t), code: f.properties.code, population: f.properties.population },
  }));
  const excluded = (result.excludedCandidates ?? []).map((e): Feature<Point | null, Props & { kind: Kind }> => ({
    type: 'Feature',
    geometry: point(e.lon, e.lat),
    properties: {
      kind: 'excluded', kindLabel: kindLabel('excluded', t), code: String(e.id), name: e.name ?? null, label: excludedName(e, t), reason: e.reason, reasonLabel: reasonLabel(e.reason, t),
      detail: e.detail, hazardName: e.hazardName ?? null, distanceM: e.distanceM ?? null, minDistanceM: e.minDistanceM ?? null,
    },
  }));
  return {
    type: 'FeatureCollection',
    properties: {
      title: t('planning.siting.export.title'), problem: result.problem, problemLabel: problemLabel(result.problem, t), rule: x.rule, basis: x.basis,
      basisKind: result.demandBasis?.kind ?? null, totalDemand: round(result.totalWeight), objectiveName: result.objectiveName, objective: round(result.objective, 3),
      solver: result.solver, optimal: result.optimal, gap: result.gap, timeLimitReached: result.timeLimitReached, runId: result.runId, date: o.date,
      sites: sites.length, uncoverable: uncoverable.length, uncoverablePopulation: result.uncoverable?.population ?? 0, excluded: excluded.length,
      sample: o.sample, note: o.sample ? t('sample') : null,
    },
    features: [...sites, ...uncoverable, ...excluded],
  };
}

/**
 * The result as CSV: one row per chosen site, then one per uncoverable demand point, a `kind` column first;
 * headings in the locale (Chinese by default).
 * @example sitingCsv(result, { sample: false, date }).split('\r\n')[0] // '\uFEFF类型,编号,名称,…'
 */
export function sitingCsv(result: SitingResult, o: ExportOptions): string {
  const t = o.t ?? zhT;
  const fc = sitingGeoJson(result, o);
  const unit = unitLabel(result.demandBasis?.kind === 'risk-weighted' ? 'weighted' : 'people', t);
  const col = (k: string) => t(`planning.siting.export.col.${k}` as MessageKey);
  const headings = [col('kind'), col('code'), col('name'), col('siteType'), col('township'), fill(col('demand'), { unit }), col('demandCount'), col('effectiveArea'), col('population'), col('lon'), col('lat')];
  const rows = fc.features
    .filter((f) => f.properties.kind !== 'excluded')
    .map((f): CsvCell[] => {
      const p = f.properties;
      const [lon, lat] = f.geometry?.coordinates ?? [];
      return [p.kindLabel, p.code, p.name, p.siteTypeLabel, p.townshipName, p.demandWeight, p.demandCount, p.effectiveAreaM2, p.population, lon, lat];
    });
  return csvText(headings, rows);
}

/** The file name of an export, e.g. `siting-mclp-20261204.geojson`. */
export function sitingFileName(result: Pick<SitingResult, 'problem'>, date: string, ext: 'geojson' | 'csv'): string {
  return `siting-${result.problem}-${date.slice(0, 10).replaceAll('-', '')}.${ext}`;
}
