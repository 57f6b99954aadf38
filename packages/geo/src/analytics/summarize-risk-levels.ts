import type { Band, DomainConfig } from '@riskmap/config';
import { InputError } from '../input-error.js';
import type { RiskLevel } from '../model.js';
import { bandLevel } from './band-level.js';

export type EmapMethod = 'max' | 'weighted';
export const EMAP_METHODS: readonly EmapMethod[] = ['max', 'weighted'];
const LEVELS: readonly RiskLevel[] = [1, 2, 3, 4];

export interface EmapLevelOptions {
  /** 'max' (default): the highest level inside; 'weighted': Σ level weights ÷ area (km²) graded by `weightedBands`. */
  method?: EmapMethod;
  /** Colour and weight of each level (configuration). */
  riskLevels: DomainConfig['riskLevels'];
  /** Bands of the weighted index (per km²), high → low. Default: level L when denser than one level-L point per km² (above = weight of L). */
  weightedBands?: Band[];
  /** How many of the highest risks to list per area (default 5). */
  topN?: number;
}

export interface TopRisk { code: string; name: string; level: RiskLevel; score: number }

export interface AreaRiskSummary {
  level: RiskLevel | null;
  color: string | null;
  counts: Record<RiskLevel, number>;
  total: number;
  /** Σ level weights ÷ area (per km²). */
  weightedIndex: number;
  areaKm2: number;
  top: TopRisk[];
}

/** Validated options with defaults filled in. */
export function resolveEmapOptions(options: EmapLevelOptions) {
  const method = options.method ?? 'max';
  if (!EMAP_METHODS.includes(method)) throw new InputError(`method must be max or weighted; got ${String(method)}`, 'method', EMAP_METHODS);
  const topN = options.topN ?? 5;
  if (!(Number.isInteger(topN) && topN >= 0)) throw new InputError(`topN must be a whole number ≥ 0; got ${String(topN)}`, 'topN');
  const riskLevels = options.riskLevels;
  const weightedBands = options.weightedBands ?? LEVELS.map((level) => ({ level, above: level === 4 ? -Infinity : riskLevels[level].weight }));
  return { method, topN, riskLevels, weightedBands };
}

/** The level of a risk feature, validated (a stored level outside 1–4 is a data error the user must fix). */
export function riskLevelOf(value: unknown, index: number): RiskLevel {
  if (value === 1 || value === 2 || value === 3 || value === 4) return value;
  throw new InputError(`riskPoints[${index}].level must be 1, 2, 3 or 4; got ${String(value)}`, `riskPoints[${index}].level`, LEVELS);
}

function before(a: TopRisk, b: TopRisk): boolean {
  return a.level < b.level || (a.level === b.level && (a.score > b.score || (a.score === b.score && a.code < b.code)));
}

/** Inserts a risk into a list kept sorted by level (high first) then score (high first), at most n long. */
export function insertTopRisk(top: TopRisk[], risk: TopRisk, n: number): void {
  if (n === 0) return;
  if (top.length === n && !before(risk, top[n - 1]!)) return;
  let k = top.length;
  while (k > 0 && before(risk, top[k - 1]!)) k--;
  top.splice(k, 0, risk);
  if (top.length > n) top.pop();
}

/**
 * Level, colour and weighted index of one area (township or cell) from its counts per level and
 * its top risks (kept with insertTopRisk); area in km².
 * @example summarizeRiskLevels({ 1: 0, 2: 1, 3: 0, 4: 0 }, [], 4, resolveEmapOptions({ riskLevels: config.domain.riskLevels })) // → { level: 2, weightedIndex: 1, … }
 */
export function summarizeRiskLevels(counts: Record<RiskLevel, number>, top: TopRisk[], areaKm2: number, opts: ReturnType<typeof resolveEmapOptions>): AreaRiskSummary {
  let weightSum = 0;
  let total = 0;
  for (const l of LEVELS) {
    weightSum += counts[l] * opts.riskLevels[l].weight;
    total += counts[l];
  }
  const weightedIndex = areaKm2 > 0 ? weightSum / areaKm2 : 0;
  let level: RiskLevel | null = null;
  if (total > 0) level = opts.method === 'max' ? LEVELS.find((l) => counts[l] > 0)! : bandLevel(weightedIndex, opts.weightedBands);
  return {
    level,
    color: level === null ? null : opts.riskLevels[level].color,
    counts,
    total,
    weightedIndex: Math.round(weightedIndex * 1000) / 1000,
    areaKm2: Math.round(areaKm2 * 1e6) / 1e6,
    top,
  };
}

export interface EmapLegend {
  method: EmapMethod;
  items: { level: RiskLevel; key: string; zh: string; en: string; color: string; count: number; weight: number; indexAbove?: number }[];
}

/** Legend of a four-colour map: one entry per level, high → low, with the number of areas at that level. */
export function emapLegend(levels: readonly (RiskLevel | null)[], opts: ReturnType<typeof resolveEmapOptions>): EmapLegend {
  return {
    method: opts.method,
    items: LEVELS.map((level) => {
      const band = opts.weightedBands.find((b) => b.level === level);
      return {
        level,
        ...opts.riskLevels[level],
        count: levels.filter((l) => l === level).length,
        ...(opts.method === 'weighted' && band ? { indexAbove: band.above } : {}),
      };
    }),
  };
}
