import type { Feature, FeatureCollection, Point } from 'geojson';
import type { LocationResult, ShelterGapResult, SitingIndicators, SitingResult } from '@riskmap/geo';
import { areaShortfallM2 } from '@riskmap/geo';
import type { SitingTask } from './build-siting-task.js';
import type { SolveOutput } from './siting-pool.js';
import { acceptFeature } from './accept-feature.js';

type GapResult = ShelterGapResult & { excludedCandidates: unknown[] };

/** Per-capita state of all townships together (shelter gap before/after). */
export interface GapIndicators {
  effectiveAreaM2: number;
  perCapitaM2: number | null;
  townshipsBelowTarget: number;
  /** Σ township shortfalls (no offset between townships): docs/coverage-model.md §Shortfall. */
  shortfallM2: number;
  shortfallBasis: 'sum-of-townships';
}

/** The `POST /api/siting` answer (also a job's `result` and what a scenario stores). */
export interface SitingResponse {
  runId: string;
  problem: SitingResult['problem'];
  chosen: (string | number)[];
  objective: number | null;
  objectiveName: string;
  bound: number | null;
  coveredWeight?: number | null;
  totalWeight: number | null;
  before: SitingIndicators | GapIndicators;
  after: SitingIndicators | GapIndicators;
  solver: SitingResult['solver'];
  optimal: boolean;
  gap: number | null;
  timeMs: number;
  timeLimitMs: number;
  /** True when the solver stopped at its time budget: the answer is the best found, not proven. */
  timeLimitReached: boolean;
  note: string | null;
  sites: FeatureCollection<Point>;
  excludedCandidates: unknown[];
  inputs: SitingTask['sources'] & { demandCount: number; candidateCount: number; existingCount: number };
  [explanation: string]: unknown;
}

/**
 * Shapes a solver result into the API answer: chosen ids, objective before/after, solver and gap,
 * the sites as GeoJSON (with what accepting one as a planned facility needs), and the explanation.
 * @example sitingResponse(task, { result, totalWeight }, 10000, runId).chosen // ['CS-014', 'CS-120']
 */
export function sitingResponse(task: SitingTask, out: SolveOutput, timeLimitMs: number, runId: string): SitingResponse {
  const r = out.result as SitingResult;
  // Only when the limit actually cut the search (HiGHS stopped at its limit, or the heuristic at its deadline).
  const reached = !r.optimal && r.timeLimitReached === true;
  const p = task.problem;
  const inputs = {
    ...task.sources,
    demandCount: p.kind === 'shelter-gap' ? 0 : p.demand.length,
    candidateCount: p.candidates.length,
    existingCount: p.kind === 'shelter-gap' ? 0 : (p.existing?.length ?? 0),
  };
  const common: Common = {
    runId,
    solver: r.solver,
    optimal: r.optimal,
    gap: r.gap,
    timeMs: Math.round(r.timeMs),
    timeLimitMs,
    timeLimitReached: reached,
    note: reached ? `stopped at the ${timeLimitMs} ms time budget: this is the best solution found, not a proven optimum` : null,
    excludedCandidates: [...task.excluded, ...r.excludedCandidates],
    inputs,
  };
  if (r.problem === 'shelter-gap') return gapResponse(task, r as GapResult, common);
  const loc = r as LocationResult;
  const { chosen, indicators, objective, excludedCandidates: _e, timeMs: _t, solver: _s, optimal: _o, gap: _g, timeLimitReached: _r, ...explanation } = loc;
  return {
    ...explanation,
    ...common,
    coverageRule: task.rule,
    demandBasis: demandBasis(task),
    uncoverable: uncoverableDemand(task, loc.uncoverableDemandIds),
    problem: loc.problem,
    chosen: chosen.map((c) => c.id),
    objective: objective.after,
    objectiveName: objective.name,
    objectiveBefore: objective.before,
    bound: objective.bound,
    ...(loc.limit !== null ? { coveredWeight: indicators.after.coveredWeight } : {}),
    totalWeight: out.totalWeight,
    before: indicators.before,
    after: indicators.after,
    sites: collection(
      task,
      chosen.map(({ id, lon, lat, candidateIndex: _c, ...figures }) => ({ id, lon, lat, figures })),
    ),
  };
}

/** What the demand figures count: people, or people × the risk level weight nearby (explained). */
function demandBasis(task: SitingTask): { kind: 'population' | 'risk-weighted'; unit: 'people' | 'weighted'; zh: string; en: string; radiusM?: number } {
  const w = task.riskWeighting;
  if (!w) return { kind: 'population', unit: 'people', zh: '人口（人）：需求点常住人口', en: 'people: resident population of the demand points' };
  const levels = w.levels ?? [];
  return {
    kind: 'risk-weighted',
    unit: 'weighted',
    radiusM: w.radiusM,
    zh: `风险加权需求：人口 × ${w.radiusM} 米内最高风险点的等级权重（${levels.map((l) => `${l.zh} ${l.weight}`).join('、')}，无风险点为 1），不是人数`,
    en: `risk-weighted demand: people × the level weight of the highest risk point within ${w.radiusM} m (${levels.map((l) => `${l.en} ${l.weight}`).join(', ')}; 1 when none), not a head count`,
  };
}

/** Coverage problems: the demand no existing site nor any candidate reaches (count, people, points for the map and export). */
function uncoverableDemand(task: SitingTask, ids: readonly (string | number)[]): { count: number; population: number; points: FeatureCollection<Point> } | null {
  const p = task.problem;
  if (p.kind === 'shelter-gap' || (p.kind !== 'lscp' && p.kind !== 'mclp')) return null;
  const set = new Set(ids.map(String));
  const features = p.demand
    .filter((d) => set.has(String(d.id)))
    .map((d): Feature<Point> => ({ type: 'Feature', id: d.id, geometry: { type: 'Point', coordinates: [d.lon, d.lat] }, properties: { code: String(d.id), population: d.weight } }));
  return { count: features.length, population: features.reduce((s, f) => s + (f.properties!.population as number), 0), points: { type: 'FeatureCollection', features } };
}

type Common = Pick<SitingResponse, 'runId' | 'solver' | 'optimal' | 'gap' | 'timeMs' | 'timeLimitMs' | 'timeLimitReached' | 'note' | 'excludedCandidates' | 'inputs'>;

function gapResponse(task: SitingTask, r: GapResult, common: Common): SitingResponse {
  const summary = (area: (t: GapResult['townships'][number]) => number): GapIndicators => {
    const total = r.townships.reduce((s, t) => s + area(t), 0);
    const population = r.townships.reduce((s, t) => s + t.population, 0);
    // The per-capita page's shortfall of each township (areaShortfallM2), summed: the same figure it shows.
    const short = r.townships.map((t) => areaShortfallM2(r.perCapitaTargetM2, t.population, area(t)));
    return {
      effectiveAreaM2: total,
      perCapitaM2: population > 0 ? total / population : null,
      townshipsBelowTarget: short.filter((s) => s > 0).length,
      shortfallM2: short.reduce((s, x) => s + x, 0),
      shortfallBasis: 'sum-of-townships',
    };
  };
  return {
    ...common,
    problem: 'shelter-gap',
    chosen: r.chosen.map((c) => c.id),
    objective: r.objective === 'fewest-sites' ? r.sitesAdded : r.areaAddedM2,
    objectiveName: r.objective,
    bound: null,
    totalWeight: r.townships.reduce((s, t) => s + t.population, 0),
    before: summary((t) => t.areaBeforeM2),
    after: summary((t) => t.areaAfterM2),
    perCapitaTargetM2: r.perCapitaTargetM2,
    areaBasis: 'effective',
    sitesAdded: r.sitesAdded,
    areaAddedM2: r.areaAddedM2,
    townships: r.townships,
    unreachable: r.unreachable,
    sites: collection(task, r.chosen.map(({ id, lon, lat, ...figures }) => ({ id, lon, lat, figures }))),
  };
}

function collection(task: SitingTask, sites: { id: string | number; lon: number; lat: number; figures: object }[]): FeatureCollection<Point> {
  const features = sites.map((s): Feature<Point> => {
    const info = task.sites.get(String(s.id));
    const townshipCode = info?.townshipCode ?? null;
    return {
      type: 'Feature',
      id: s.id,
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: {
        code: String(s.id),
        name: info?.name ?? String(s.id),
        lon: s.lon,
        lat: s.lat,
        siteType: info?.siteType ?? null,
        areaM2: info?.areaM2 ?? null,
        effectiveAreaM2: info?.effectiveAreaM2 ?? null,
        townshipCode,
        townshipName: townshipCode ? (task.townshipNames.get(townshipCode) ?? null) : null,
        constraints: info?.constraints ?? null,
        source: info?.source ?? 'inline',
        ...s.figures,
        accept: acceptFeature(task, s, info),
      },
    };
  });
  return { type: 'FeatureCollection', features };
}
