import { combineExact } from './combine-exact.js';
import { coverageSets } from './coverage-sets.js';
import { lscpHeuristic } from './lscp-heuristic.js';
import { lscpModel } from './lscp-model.js';
import { runMip, type Highs } from './run-mip.js';
import type { CoreSolution, SitingMatrix, SolveOptions } from './types.js';

/**
 * Fewest new sites so every demand point within reach of a candidate is within `limit` (m or min) of
 * an existing or new site; demand no candidate reaches is left out (report it as uncoverable).
 * @example solveLscp(matrix, { limit: 1500, highs: await loadHighs() }).objective; // 3 sites
 */
export function solveLscp(m: SitingMatrix, opts: SolveOptions & { limit: number; highs?: Highs }): CoreSolution {
  const t0 = performance.now();
  const timeLimitMs = opts.timeLimitMs ?? 10_000;
  const cs = coverageSets(m, opts.limit);
  const useExact = opts.highs !== undefined && opts.exact !== false;
  const heuristic = lscpHeuristic(cs, { timeLimitMs: useExact ? timeLimitMs * 0.2 : timeLimitMs, seed: opts.seed, iterations: opts.iterations });
  if (!useExact || !opts.highs || heuristic.chosen.length === 0) return heuristic;
  const model = lscpModel(cs);
  const start: Record<string, number> = {};
  for (const j of heuristic.chosen) start[`y${j}`] = 1;
  const run = runMip(opts.highs, model.lp, model.columns, { timeLimitMs: Math.max(1, timeLimitMs - (performance.now() - t0)), start });
  return combineExact(run, heuristic, t0, 'min', 0, (chosen) => chosen.length, 1);
}
