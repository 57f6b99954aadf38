/** Siting panel logic: the request from the form, checks (Chinese by default), before/after indicators, what each site adds. */
import { fill, zhT, type MessageKey, type Translate } from '../i18n/index.js';
import type { SitingAnswer } from '@riskmap/contract';

export type Problem = 'mclp' | 'lscp' | 'p-median' | 'p-center' | 'shelter-gap';
export type FacilityKind = 'shelter' | 'fire-station';

export interface SitingForm {
  problem: Problem;
  facility: FacilityKind;
  p: string;
  target: string;
  /** 'default': the coverage page's rule (shelters by class radius, stations by turn-out + driving within 5 min). */
  reach: 'default' | 'radius' | 'minutes';
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
  reach: 'default',
  radiusM: '1000',
  minutes: '5',
  siteTypes: [],
  minAreaM2: '',
  minHazardDistanceM: '',
  includePlanned: false,
};

const needsP = (p: Problem) => p === 'mclp' || p === 'p-median' || p === 'p-center';

/** Field → message (Chinese by default) for what is wrong with the form; empty when it can be sent. */
export function checkForm(f: SitingForm, t: Translate = zhT): Record<string, string> {
  const errors: Record<string, string> = {};
  const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
  if (needsP(f.problem)) {
    const p = num(f.p);
    if (!Number.isInteger(p) || p < 1) errors.p = t('planning.error.p');
  }
  if (f.problem === 'shelter-gap') {
    const target = num(f.target);
    if (!(target > 0 && target <= 100)) errors.target = t('planning.error.target');
    if (f.facility !== 'shelter') errors.facility = t('planning.error.gapShelterOnly');
  } else if (f.reach === 'default') {
    // nothing to check: the coverage page's rule
  } else if (f.reach === 'radius') {
    const r = num(f.radiusM);
    if (!(r > 0 && r <= 100_000)) errors.radiusM = t('planning.error.radius');
  } else {
    const m = num(f.minutes);
    if (!(m > 0 && m <= 600)) errors.minutes = t('planning.error.minutes');
  }
  if (f.minAreaM2.trim() !== '' && !(num(f.minAreaM2) >= 0)) errors.minAreaM2 = t('planning.error.minArea');
  if (f.minHazardDistanceM.trim() !== '' && !(num(f.minHazardDistanceM) >= 0 && num(f.minHazardDistanceM) <= 50_000)) errors.minHazardDistanceM = t('planning.error.hazardDistance');
  return errors;
}

/** POST /api/siting body from a valid form (async, so the panel can show progress and cancel). */
export function sitingRequest(f: SitingForm): Record<string, unknown> {
  const body: Record<string, unknown> = { problem: f.problem, facility: f.facility, async: true, includePlanned: f.includePlanned, timeLimitMs: 20_000 };
  if (needsP(f.problem)) body.p = Number(f.p);
  if (f.problem === 'shelter-gap') body.perCapitaTargetM2 = Number(f.target);
  else if (f.reach === 'radius') body.radiusM = Number(f.radiusM);
  else if (f.reach === 'minutes') {
    // Shelters: walking minutes at the configured walking speed; stations: turn-out + driving.
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

/** A chosen site's properties (the contract's answer). */
export type SiteProps = SitingResult['sites']['features'][number]['properties'];

/** The siting answer (POST /api/siting 200, or a job's result): the contract's type. */
export type SitingResult = SitingAnswer;

export interface IndicatorRow {
  key:
    | 'coveredWeight' | 'coveredShare' | 'coveredPopulation' | 'coveredPopulationShare' | 'meanImpedance' | 'maxImpedance'
    | 'effectiveAreaM2' | 'perCapitaM2' | 'townshipsBelowTarget' | 'shortfallM2';
  unit: '%' | 'm²' | 'people' | 'm' | 'minutes' | 'm2PerPerson' | 'count' | 'weighted';
  /** The label to use instead of planning.indicator.<key> (e.g. risk-weighted demand, time instead of distance). */
  labelKey?: MessageKey;
  digits: number;
  /** True when a larger value is better (for the arrow colour). */
  higherIsBetter: boolean;
}

const LOCATION_ROWS: IndicatorRow[] = [
  { key: 'coveredWeight', unit: 'people', digits: 0, higherIsBetter: true },
  { key: 'coveredShare', unit: '%', digits: 1, higherIsBetter: true },
  { key: 'meanImpedance', unit: 'm', digits: 0, higherIsBetter: false },
  { key: 'maxImpedance', unit: 'm', digits: 0, higherIsBetter: false },
];
const GAP_ROWS: IndicatorRow[] = [
  { key: 'effectiveAreaM2', unit: 'm²', digits: 0, higherIsBetter: true },
  { key: 'perCapitaM2', unit: 'm2PerPerson', digits: 2, higherIsBetter: true },
  { key: 'townshipsBelowTarget', unit: 'count', digits: 0, higherIsBetter: false },
  { key: 'shortfallM2', unit: 'm²', digits: 0, higherIsBetter: false },
];

/** Which county shortfall a shelter-gap figure is (docs/coverage-model.md §Shortfall); sum of townships when the answer does not say. */
export const SHORTFALL_LABEL: Record<'sum-of-townships' | 'net', MessageKey> = {
  'sum-of-townships': 'planning.indicator.shortfallSumOfTownships',
  net: 'planning.indicator.shortfallNet',
};

/** The shelter-gap rows, the shortfall named by the answer's basis. */
function gapRows(basis: 'sum-of-townships' | 'net' | undefined): IndicatorRow[] {
  return GAP_ROWS.map((r) => (r.key === 'shortfallM2' ? { ...r, labelKey: SHORTFALL_LABEL[basis ?? 'sum-of-townships'] } : r));
}

/**
 * The indicator rows that fit a result: people covered and their share (of the demand points'
 * population) always; risk-weighted demand as its own rows when the run weighted demand; distance or
 * time in the impedance's unit (minutes for fire stations); area figures for the gap.
 */
export function indicatorRows(problem: Problem, result?: Pick<SitingResult, 'impedance' | 'demandBasis' | 'before'>): IndicatorRow[] {
  if (problem === 'shelter-gap') return gapRows(result?.before.shortfallBasis);
  if (!result || result.before.coveredPopulation === undefined) return LOCATION_ROWS;
  const minutes = result.impedance?.unit === 'min';
  const rows: IndicatorRow[] = [
    { key: 'coveredPopulation', unit: 'people', digits: 0, higherIsBetter: true, labelKey: 'planning.indicator.coveredPeople' },
    { key: 'coveredPopulationShare', unit: '%', digits: 1, higherIsBetter: true, labelKey: 'planning.indicator.coveredPeopleShare' },
  ];
  if (result.demandBasis?.kind === 'risk-weighted') {
    rows.push(
      { key: 'coveredWeight', unit: 'weighted', digits: 0, higherIsBetter: true, labelKey: 'planning.indicator.coveredRiskWeighted' },
      { key: 'coveredShare', unit: '%', digits: 1, higherIsBetter: true, labelKey: 'planning.indicator.coveredRiskWeightedShare' },
    );
  }
  rows.push(
    { key: 'meanImpedance', unit: minutes ? 'minutes' : 'm', digits: minutes ? 1 : 0, higherIsBetter: false, labelKey: minutes ? 'planning.indicator.meanTime' : 'planning.indicator.meanDistance' },
    { key: 'maxImpedance', unit: minutes ? 'minutes' : 'm', digits: minutes ? 1 : 0, higherIsBetter: false, labelKey: minutes ? 'planning.indicator.maxTime' : 'planning.indicator.maxDistance' },
  );
  return rows;
}

/** A figure for display (shares as percentages). */
export function indicatorValue(row: IndicatorRow, v: number | null | undefined): number | null {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  return row.unit === '%' ? v * 100 : v;
}

/** One line (Chinese by default) on what a proposed site adds. */
export function siteAdds(p: SiteProps, t: Translate = zhT, weighted = false): string {
  const parts: string[] = [];
  const n = (x: number) => Math.round(x).toLocaleString('zh-CN');
  if (p.townshipName) parts.push(p.townshipName);
  if (typeof p.demandWeight === 'number') {
    // Risk-weighted runs count weighted demand, not people: say so.
    const key = p.basis === 'newly-covered' ? (weighted ? 'planning.siteAdds.newlyCoveredWeighted' : 'planning.siteAdds.newlyCovered') : weighted ? 'planning.siteAdds.servesWeighted' : 'planning.siteAdds.serves';
    parts.push(fill(t(key), { n: n(p.demandWeight), villages: p.demandCount ?? 0 }));
  }
  if (typeof p.effectiveAreaM2 === 'number') parts.push(fill(t('planning.siteAdds.area'), { area: n(p.effectiveAreaM2) }));
  return parts.join(' · ');
}

export const PROBLEMS: Problem[] = ['mclp', 'lscp', 'p-median', 'p-center', 'shelter-gap'];

/** The name of a siting problem (the value itself when unknown). */
export function problemLabel(p: string, t: Translate = zhT): string {
  return (PROBLEMS as string[]).includes(p) ? t(`planning.problem.${p}` as MessageKey) : p;
}

/** An indicator's name. */
export function indicatorLabel(row: IndicatorRow, t: Translate = zhT): string {
  return t(row.labelKey ?? (`planning.indicator.${row.key}` as MessageKey));
}

/** An indicator's unit for display ('%' and 'm²' as they are). */
export function unitLabel(unit: IndicatorRow['unit'], t: Translate = zhT): string {
  return unit === '%' || unit === 'm²' ? unit : t(`planning.unit.${unit}`);
}
