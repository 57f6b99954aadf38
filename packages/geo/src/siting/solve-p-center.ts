import { pCenterHeuristic } from './p-center-heuristic.js';
import { pCenterLowerBound } from './p-center-lower-bound.js';
import type { Highs } from './run-mip.js';
import { servingCosts } from './serving-costs.js';
import { solveLscp } from './solve-lscp.js';
import type { CoreSolution, SitingMatrix, SolveOptions } from './types.js';

/**
 * Chooses p candidates minimising the worst impedance from any demand point (weight > 0) to its
 * nearest open site; exact by binary search over radii, each a set-covering MIP in HiGHS.
 * @example solvePCenter(matrix, { p: 2, highs: await loadHighs() }).objective; // 2 140 (m)
 */
export function solvePCenter(m: SitingMatrix, opts: SolveOptions & { p: number; highs?: Highs }): CoreSolution {
  const t0 = performance.now();
  const timeLimitMs = opts.timeLimitMs ?? 10_000;
  const deadline = t0 + timeLimitMs;
  const useExact = opts.highs !== undefined && opts.exact !== false;
  const heuristic = pCenterHeuristic(m, opts.p, { timeLimitMs: useExact ? timeLimitMs * 0.2 : timeLimitMs, seed: opts.seed, iterations: opts.iterations });
  if (!useExact || !opts.highs) return heuristic;
  const sc = servingCosts(m);
  const { n, c, cost, base, w } = sc;
  const lower = pCenterLowerBound(sc);
  const radii = new Set<number>();
  for (const v of cost) if (v >= lower && v < heuristic.objective) radii.add(v);
  for (const v of base) if (v >= lower && v < heuristic.objective) radii.add(v);
  const sorted = [...radii].sort((a, b) => a - b);
  const matrix: SitingMatrix = { nDemand: n, nCandidates: c, values: cost, existing: base, weights: w };
  let best = heuristic;
  let lo = 0;
  let hi = sorted.length; // sorted[hi] (or the heuristic when hi = length) is feasible
  let stopped = false;
  let timedOut = false;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = sorted[mid]!;
    const left = deadline - performance.now();
    if (left <= 0) {
      stopped = true;
      timedOut = true;
      break;
    }
    const cover = solveLscp(matrix, { limit: r, highs: opts.highs, timeLimitMs: left, seed: opts.seed, iterations: 20 });
    if (cover.objective <= opts.p) {
      const chosen = padTo(cover.chosen, opts.p, c);
      best = { ...heuristic, chosen, objective: worst(sc, chosen) };
      hi = mid;
    } else if (cover.optimal || (cover.bound !== null && Math.ceil(cover.bound - 1e-6) > opts.p)) {
      lo = mid + 1;
    } else {
      stopped = true;
      timedOut = cover.timeLimitReached === true;
      break;
    }
  }
  const bound = stopped ? (sorted[lo] ?? best.objective) : best.objective;
  const gap = best.objective > 0 ? (best.objective - bound) / best.objective : 0;
  return {
    chosen: best.chosen,
    objective: best.objective,
    solver: 'highs',
    optimal: !stopped || gap < 1e-9,
    bound,
    gap,
    timeMs: performance.now() - t0,
    timeLimitReached: timedOut,
    greedyObjective: heuristic.greedyObjective,
  };
}

/** A cover may need fewer than p sites; fill up with the lowest-index closed candidates. */
function padTo(chosen: number[], p: number, c: number): number[] {
  const set = new Set(chosen);
  for (let j = 0; j < c && set.size < p; j++) set.add(j);
  return [...set].sort((a, b) => a - b);
}

function worst(sc: ReturnType<typeof servingCosts>, chosen: readonly number[]): number {
  let max = 0;
  for (let i = 0; i < sc.n; i++) {
    if (!(sc.w[i]! > 0)) continue;
    let d = sc.base[i]!;
    for (const j of chosen) d = Math.min(d, sc.cost[j * sc.n + i]!);
    max = Math.max(max, d);
  }
  return max;
}
