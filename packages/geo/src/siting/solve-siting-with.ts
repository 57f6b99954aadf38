import { buildImpedanceMatrix } from './build-impedance-matrix.js';
import { explainSiting } from './explain-siting.js';
import { filterCandidates } from './filter-candidates.js';
import type { Highs } from './run-mip.js';
import type { LocationProblem, LocationResult, SitingConfig, SitingProblem, SitingResult } from './siting-problem.js';
import { solveLscp } from './solve-lscp.js';
import { solveMclp } from './solve-mclp.js';
import { solvePCenter } from './solve-p-center.js';
import { solvePMedian } from './solve-p-median.js';
import { solveShelterGap } from './solve-shelter-gap.js';
import type { CoreSolution, ImpedanceSpec } from './types.js';
import { validateSitingProblem } from './validate-siting-problem.js';

/** Above this many demand × candidate pairs the default is the heuristic (p-median: assignment MIP size). */
export const EXACT_PAIR_LIMIT = { 'p-median': 90_000, other: 1_000_000 } as const;

/**
 * Synchronous `solveSiting` for callers that already hold a HiGHS instance (or `null` for heuristic only);
 * `config` gives the defaults the problem leaves out (hazard distances, turn-out, speed, detour, per-capita target).
 * @example solveSitingWith({ kind: 'p-median', demand, candidates, p: 2 }, await loadHighs(), config.domain).chosen.length; // 2
 */
export function solveSitingWith(problem: SitingProblem, highs: Highs | null, config: SitingConfig): SitingResult {
  const t0 = performance.now();
  const hazardDefault =
    problem.kind !== 'shelter-gap' && problem.facility === 'fire-station'
      ? config.fireStations.hazardousSiteDistanceM
      : config.shelters.safetyDistanceM.flammablePlant;
  const filter = problem.filter ? { minHazardDistanceM: hazardDefault, ...problem.filter } : {};
  const { kept, excluded } = filterCandidates(Array.isArray(problem.candidates) ? problem.candidates : [], filter);
  validateSitingProblem(problem, kept.length);
  if (problem.kind === 'shelter-gap') {
    const { kind: _kind, filter: _filter, ...rest } = problem;
    const target = rest.perCapitaTargetM2 ?? config.shelters.perCapitaTargetM2;
    const r = solveShelterGap({ ...rest, perCapitaTargetM2: target, candidates: kept, ...(highs ? { highs } : {}) });
    return { ...r, excludedCandidates: excluded, timeMs: performance.now() - t0 };
  }
  return solveLocation(problem, kept, excluded, highs, t0, config);
}

function solveLocation(
  problem: LocationProblem,
  kept: LocationProblem['candidates'],
  excluded: LocationResult['excludedCandidates'],
  highs: Highs | null,
  t0: number,
  config: SitingConfig,
): LocationResult {
  const spec: ImpedanceSpec = withTurnout(problem.impedance ?? { kind: 'geodesic' }, problem.facility, config.fireStations.turnoutMinutes);
  const limit = (spec.kind === 'geodesic' ? problem.radiusM : problem.minutes) ?? null;
  const coverage = problem.kind === 'lscp' || problem.kind === 'mclp';
  const { matrix, impedance } = buildImpedanceMatrix(problem.demand, kept, problem.existing ?? [], spec, config.fireStations, coverage && limit !== null ? limit : undefined);
  const pairs = matrix.nDemand * matrix.nCandidates;
  const exactDefault = pairs <= (problem.kind === 'p-median' ? EXACT_PAIR_LIMIT['p-median'] : EXACT_PAIR_LIMIT.other);
  const exact = problem.exact ?? exactDefault;
  const opts = {
    timeLimitMs: problem.timeLimitMs ?? 10_000,
    seed: problem.seed,
    iterations: problem.iterations,
    exact,
    ...(exact && highs ? { highs } : {}),
  };
  const p = problem.p ?? 0;
  // p = 0: nothing to choose; the figures are those of the existing facilities (the coverage page's).
  const none = problem.kind !== 'lscp' && p === 0;
  const core: CoreSolution = none
    ? { chosen: [], objective: 0, solver: 'none', optimal: true, bound: null, gap: 0, timeMs: 0 }
    : problem.kind === 'lscp'
      ? solveLscp(matrix, { ...opts, limit: limit! })
      : problem.kind === 'mclp'
        ? solveMclp(matrix, { ...opts, p, limit: limit! })
        : problem.kind === 'p-median'
          ? solvePMedian(matrix, { ...opts, p })
          : solvePCenter(matrix, { ...opts, p });
  const chosenIdx = [...core.chosen].sort((a, b) => a - b);
  const ex = explainSiting(matrix, problem.demand, kept, chosenIdx, limit, coverage ? 'newly-covered' : 'served');
  const objective = objectiveOf(problem.kind, ex.before, ex.after, chosenIdx.length, none ? null : core.bound);
  const uncoverable: LocationResult['uncoverableDemandIds'] = [];
  if (limit !== null) {
    problem.demand.forEach((d, i) => {
      if (!(matrix.weights[i]! > 0) || matrix.existing[i]! <= limit) return;
      for (let j = 0; j < matrix.nCandidates; j++) if (matrix.values[j * matrix.nDemand + i]! <= limit) return;
      uncoverable.push(d.id);
    });
  }
  return {
    problem: problem.kind,
    impedance,
    limit,
    chosen: ex.sites,
    objective,
    indicators: { before: ex.before, after: ex.after },
    solver: core.solver,
    optimal: core.optimal,
    gap: core.gap,
    timeMs: performance.now() - t0,
    timeLimitReached: core.timeLimitReached === true && !core.optimal,
    uncoverableDemandIds: uncoverable,
    excludedCandidates: excluded,
  };
}

function withTurnout(spec: ImpedanceSpec, facility: LocationProblem['facility'], turnoutMinutes: number): ImpedanceSpec {
  if (facility !== 'fire-station' || spec.kind === 'geodesic' || spec.turnoutMinutes !== undefined) return spec;
  return { ...spec, turnoutMinutes };
}

function objectiveOf(
  kind: LocationProblem['kind'],
  before: LocationResult['indicators']['before'],
  after: LocationResult['indicators']['after'],
  sites: number,
  bound: number | null,
): LocationResult['objective'] {
  switch (kind) {
    case 'lscp':
      return { name: 'newSites', before: 0, after: sites, bound };
    case 'mclp':
      return {
        name: 'coveredWeight',
        before: before.coveredWeight,
        after: after.coveredWeight,
        bound: bound === null ? null : bound + (before.coveredWeight ?? 0),
      };
    case 'p-median':
      return { name: 'weightedImpedance', before: before.weightedImpedance, after: after.weightedImpedance, bound };
    default:
      return { name: 'maxImpedance', before: before.maxImpedance, after: after.maxImpedance, bound };
  }
}
