/** Per-capita table and choropleth logic: rows from the API, sorting, colour classes, the 15 % places rule. */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** One township (or the county town / county) and the whole answer, as GET /api/analytics/shelter-per-capita gives them. */
export type { PerCapitaRow as PlanRow, PerCapitaAnswer } from '@riskmap/contract';
import type { PerCapitaRow as PlanRow, PerCapitaAnswer } from '@riskmap/contract';
import { zhT, type Translate } from '../i18n/index.js';

export type SortKey = 'name' | 'population' | 'effectiveAreaM2' | 'perCapitaM2' | 'shortfallM2' | 'capacity';
export interface Sort {
  key: SortKey;
  desc: boolean;
}

/** Rows sorted by a column (names by Chinese collation; missing per-capita last). */
export function sortRows(rows: readonly PlanRow[], sort: Sort): PlanRow[] {
  const sign = sort.desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (sort.key === 'name') return sign * a.name.localeCompare(b.name, 'zh-CN');
    if (sort.key === 'capacity') return sign * (a.capacity / Math.max(1, a.capacityRequired) - b.capacity / Math.max(1, b.capacityRequired));
    const x = a[sort.key];
    const y = b[sort.key];
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y) || a.townshipCode.localeCompare(b.townshipCode);
  });
}

/** Next sort after clicking a column heading: same column flips, a new one starts descending (names ascending). */
export function nextSort(current: Sort, key: SortKey): Sort {
  return current.key === key ? { key, desc: !current.desc } : { key, desc: key !== 'name' };
}

/** Colour classes by the share of the target reached (below half … at or above target). */
export const CLASSES = [
  { upTo: 0.5, colour: '#b2182b', zh: '< 50%', en: '< 50%' },
  { upTo: 0.8, colour: '#ef8a62', zh: '50–80%', en: '50–80%' },
  { upTo: 1, colour: '#fddbc7', zh: '80–100%', en: '80–100%' },
  { upTo: 1.5, colour: '#a6dba0', zh: '100–150%', en: '100–150%' },
  { upTo: Infinity, colour: '#1b7837', zh: '≥ 150%', en: '≥ 150%' },
] as const;

/** Fill colour of a township by per-capita area against the target; grey when nobody lives there. */
export function colourFor(perCapitaM2: number | null, targetM2: number): string {
  if (perCapitaM2 === null || !(targetM2 > 0)) return '#bdbdbd';
  const share = perCapitaM2 / targetM2;
  return CLASSES.find((c) => share < c.upTo)?.colour ?? '#1b7837';
}

/** Township polygons with `fill`, `perCapitaM2` and `meetsTarget` from the rows, for the choropleth source. */
export function choropleth<P extends { code: string }>(townships: FeatureCollection<Polygon | MultiPolygon, P>, rows: readonly PlanRow[], targetM2: number): FeatureCollection<Polygon | MultiPolygon> {
  const byCode = new Map(rows.map((r) => [r.townshipCode, r]));
  return {
    type: 'FeatureCollection',
    features: townships.features.map((f): Feature<Polygon | MultiPolygon> => {
      const r = byCode.get(f.properties.code);
      return { type: 'Feature', geometry: f.geometry, properties: { code: f.properties.code, fill: colourFor(r?.perCapitaM2 ?? null, targetM2), perCapitaM2: r?.perCapitaM2 ?? null, meetsTarget: r?.meetsTarget ?? null } };
    }),
  };
}

/** Townships below the target, worst first (the ones the plan has to act on). */
export function shortTownships(rows: readonly PlanRow[]): PlanRow[] {
  return rows.filter((r) => r.meetsTarget === false).sort((a, b) => (a.perCapitaM2 ?? 0) - (b.perCapitaM2 ?? 0));
}

/** Fixed decimals, grouped thousands (zh-CN style). */
export function fmt(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return n.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A target typed in the view: a number > 0 and ≤ 100 m²/person, else null. */
export function parseTarget(text: string): number | null {
  const n = Number(text.trim());
  return Number.isFinite(n) && n > 0 && n <= 100 ? n : null;
}

/**
 * The county's two shortfalls, each named (docs/coverage-model.md §Shortfall): the net shortfall (the
 * county as one unit; a township's surplus offsets another's deficit) and the sum of township
 * shortfalls (no offset: what each township must add to reach the target on its own).
 */
export function countyShortfalls(answer: Pick<PerCapitaAnswer, 'shortfall'>, t: Translate = zhT): { key: 'net' | 'sumOfTownships'; label: string; m2: number }[] {
  return [
    { key: 'net', label: t('planning.shortfall.net'), m2: answer.shortfall.netM2 },
    { key: 'sumOfTownships', label: t('planning.shortfall.sumOfTownships'), m2: answer.shortfall.sumOfTownshipsM2 },
  ];
}
