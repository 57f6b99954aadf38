/** Siting panel logic: the request from the form, checks in Chinese, before/after indicators, what each site adds. */
import type { Feature, FeatureCollection, Point } from 'geojson';

export type Problem = 'mclp' | 'lscp' | 'p-median' | 'p-center' | 'shelter-gap';
export type FacilityKind = 'shelter' | 'fire-station';

export interface SitingForm {
  problem: Problem;
  facility: FacilityKind;
  p: string;
  target: string;
  reach: 'radius' | 'minutes';
  radiusM: string;
  minutes: string;
  siteTypes: string[];
  minAreaM2: string;
  minHazardDistanceM: string;
  includePlanned: boolean;
}

export const DEFAULT_FORM: SitingForm = {
  problem: 'mclp',
  facility: 'shelter',
  p: '3',
  target: '2.5',
  reach: 'radius',
  radiusM: '1000',
  minutes: '5',
  siteTypes: [],
  minAreaM2: '',
  minHazardDistanceM: '',
  includePlanned: false,
};

const needsP = (p: Problem) => p === 'mclp' || p === 'p-median' || p === 'p-center';

/** Field → Chinese message for what is wrong with the form; empty when it can be sent. */
export function checkForm(f: SitingForm): Record<string, string> {
  const errors: Record<string, string> = {};
  const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
  if (needsP(f.problem)) {
    const p = num(f.p);
    if (!Number.isInteger(p) || p < 1) errors.p = '新增设施数量须为不小于 1 的整数';
  }
  if (f.problem === 'shelter-gap') {
    const t = num(f.target);
    if (!(t > 0 && t <= 100)) errors.target = '人均目标须大于 0 且不超过 100 m²/人';
    if (f.facility !== 'shelter') errors.facility = '缺口补齐仅适用于避难场所';
  } else if (f.reach === 'radius') {
    const r = num(f.radiusM);
    if (!(r > 0 && r <= 100_000)) errors.radiusM = '服务半径须大于 0 且不超过 100 000 米';
  } else {
    const m = num(f.minutes);
    if (!(m > 0 && m <= 600)) errors.minutes = '到达时间须大于 0 且不超过 600 分钟';
  }
  if (f.minAreaM2.trim() !== '' && !(num(f.minAreaM2) >= 0)) errors.minAreaM2 = '最小面积须为非负数';
  if (f.minHazardDistanceM.trim() !== '' && !(num(f.minHazardDistanceM) >= 0 && num(f.minHazardDistanceM) <= 50_000)) errors.minHazardDistanceM = '与危险源距离须在 0–50 000 米之间';
  return errors;
}

/** POST /api/siting body from a valid form (async, so the panel can show progress and cancel). */
export function sitingRequest(f: SitingForm): Record<string, unknown> {
  const body: Record<string, unknown> = { problem: f.problem, facility: f.facility, async: true, includePlanned: f.includePlanned, timeLimitMs: 20_000 };
  if (needsP(f.problem)) body.p = Number(f.p);
  if (f.problem === 'shelter-gap') body.perCapitaTargetM2 = Number(f.target);
  else if (f.reach === 'radius') body.radiusM = Number(f.radiusM);
  else {
    body.minutes = Number(f.minutes);
    body.impedance = { kind: 'time' };
  }
  const filter: Record<string, unknown> = {};
  if (f.siteTypes.length) filter.siteTypes = f.siteTypes;
  if (f.minAreaM2.trim() !== '') filter.minAreaM2 = Number(f.minAreaM2);
  if (f.minHazardDistanceM.trim() !== '') filter.minHazardDistanceM = Number(f.minHazardDistanceM);
  if (Object.keys(filter).length) body.candidateFilter = filter;
  return body;
}

export interface SiteProps {
  code: string;
  name: string;
  siteType: string | null;
  areaM2: number | null;
  effectiveAreaM2: number | null;
  townshipName: string | null;
  demandCount?: number;
  demandWeight?: number;
  basis?: string;
  accept: { layer: 'shelters' | 'fire-stations'; feature: Feature<Point> };
  [k: string]: unknown;
}

/** The siting answer (POST /api/siting 200, or a job's result). */
export interface SitingResult {
  runId: string;
  problem: Problem;
  chosen: (string | number)[];
  objective: number | null;
  objectiveName: string;
  before: Record<string, number | null>;
  after: Record<string, number | null>;
  solver: string;
  optimal: boolean;
  timeMs: number;
  timeLimitReached: boolean;
  note: string | null;
  sites: FeatureCollection<Point, SiteProps>;
  perCapitaTargetM2?: number;
  unreachable?: { code: string; name: string; shortfallM2: number }[];
  [k: string]: unknown;
}

export interface IndicatorRow {
  key: string;
  zh: string;
  unit: string;
  digits: number;
  /** True when a larger value is better (for the arrow colour). */
  higherIsBetter: boolean;
}

const LOCATION_ROWS: IndicatorRow[] = [
  { key: 'coveredWeight', zh: '覆盖人口', unit: '人', digits: 0, higherIsBetter: true },
  { key: 'coveredShare', zh: '覆盖率', unit: '%', digits: 1, higherIsBetter: true },
  { key: 'meanImpedance', zh: '平均距离', unit: '米', digits: 0, higherIsBetter: false },
  { key: 'maxImpedance', zh: '最远距离', unit: '米', digits: 0, higherIsBetter: false },
];
const GAP_ROWS: IndicatorRow[] = [
  { key: 'effectiveAreaM2', zh: '有效避难面积', unit: 'm²', digits: 0, higherIsBetter: true },
  { key: 'perCapitaM2', zh: '全县人均', unit: 'm²/人', digits: 2, higherIsBetter: true },
  { key: 'townshipsBelowTarget', zh: '未达标乡镇', unit: '个', digits: 0, higherIsBetter: false },
  { key: 'shortfallM2', zh: '面积缺口', unit: 'm²', digits: 0, higherIsBetter: false },
];

/** The indicator rows that fit a problem (coverage figures for location problems, area figures for the gap). */
export function indicatorRows(problem: Problem): IndicatorRow[] {
  return problem === 'shelter-gap' ? GAP_ROWS : LOCATION_ROWS;
}

/** A figure for display (shares as percentages). */
export function indicatorValue(row: IndicatorRow, v: number | null | undefined): number | null {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  return row.unit === '%' ? v * 100 : v;
}

/** One line in Chinese on what a proposed site adds. */
export function siteAdds(p: SiteProps): string {
  const parts: string[] = [];
  if (p.townshipName) parts.push(p.townshipName);
  if (typeof p.demandWeight === 'number') parts.push(`${p.basis === 'newly-covered' ? '新增覆盖' : '服务'} ${Math.round(p.demandWeight).toLocaleString('zh-CN')} 人（${p.demandCount ?? 0} 个村/社区）`);
  if (typeof p.effectiveAreaM2 === 'number') parts.push(`有效面积 +${Math.round(p.effectiveAreaM2).toLocaleString('zh-CN')} m²`);
  return parts.join(' · ');
}

export const PROBLEM_ZH: Record<Problem, string> = {
  mclp: '最大覆盖（MCLP）',
  lscp: '集合覆盖（LSCP）',
  'p-median': 'P 中位（总距离最小）',
  'p-center': 'P 中心（最远距离最小）',
  'shelter-gap': '人均缺口补齐',
};
