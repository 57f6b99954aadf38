import { combineExact } from './combine-exact.js';
import { coveredWeight } from './covered-weight.js';
import { coverageSets } from './coverage-sets.js';
import { groupCoverage } from './group-coverage.js';
import { mclpHeuristic } from './mclp-heuristic.js';
import { mclpModel } from './mclp-model.js';
import { runMip, type Highs } from './run-mip.js';
import type { CoreSolution, SitingMatrix, SolveOptions } from './types.js';

/**
 * Places p new sites to cover the most demand weight within `limit` (m or min) that existing
 * facilities leave uncovered; objective = weight newly covered.
 * @example solveMclp(matrix, { p: 2, limit: 1500, highs: await loadHighs() }).objective; // 12 400
 */
export function solveMclp(m: SitingMatrix, opts: SolveOptions & { p: number; limit: number; highs?: Highs }): CoreSolution {
  const t0 = performance.now();
  const timeLimitMs = opts.timeLimitMs ?? 10_000;
  // Demand with the same covering sites is one row: the same objective for every choice, fewer rows to search.
  const cs = groupCoverage(coverageSets(m, opts.limit));
  const useExact = opts.highs !== undefined && opts.exact !== false;
  const heuristic = mclpHeuristic(cs, opts.p, { timeLimitMs: useExact ? timeLimitMs * 0.2 : timeLimitMs, seed: opts.seed, iterations: opts.iterations });
  if (!useExact || !opts.highs) return heuristic;
  const model = mclpModel(cs, opts.p);
  if (model.rows === 0) return heuristic;
  const start: Record<string, number> = {};
  for (const j of heuristic.chosen) start[`y${j}`] = 1;
  const run = runMip(opts.highs, model.lp, model.columns, { timeLimitMs: Math.max(1, timeLimitMs - (performance.now() - t0)), start });
  const all = Array.from({ length: cs.c }, (_, j) => j);
  return combineExact(run, heuristic, t0, 'max', 0, (chosen) => coveredWeight(cs, chosen), coveredWeight(cs, all));
}
