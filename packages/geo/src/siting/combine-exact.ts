import type { MipRun } from './run-mip.js';
import type { CoreSolution } from './types.js';

/**
 * Merges a HiGHS run with the heuristic warm start: the better incumbent wins, HiGHS supplies the
 * proven bound, and the relative gap follows from both.
 * @example combineExact(run, heuristic, t0, 'min', 0, evaluate).gap; // 0 when proven optimal
 */
export function combineExact(
  run: MipRun,
  heuristic: CoreSolution,
  t0: number,
  sense: 'min' | 'max',
  constant: number,
  evaluate: (chosen: number[]) => number,
  /** A bound known without HiGHS (e.g. every demand at its nearest candidate), used when HiGHS proves less. */
  simpleBound: number | null = null,
): CoreSolution {
  if (run.status === 'infeasible' || run.status === 'other') {
    if (!run.hasSolution) return { ...heuristic, timeMs: performance.now() - t0, timeLimitReached: false };
  }
  let chosen = heuristic.chosen;
  let objective = heuristic.objective;
  if (run.hasSolution) {
    const fromMip: number[] = [];
    run.values.forEach((v, j) => {
      if (v > 0.5) fromMip.push(j);
    });
    const value = evaluate(fromMip);
    const better = sense === 'min' ? value <= objective + 1e-9 : value >= objective - 1e-9;
    if (run.status === 'optimal' || better) {
      chosen = fromMip;
      objective = value;
    }
  }
  let bound: number | null;
  if (run.status === 'optimal') bound = objective;
  else {
    const candidates = [run.bound === null ? null : run.bound + constant, simpleBound].filter((b): b is number => b !== null);
    if (candidates.length === 0) bound = null;
    else if (sense === 'min') bound = Math.min(Math.max(0, ...candidates), objective);
    else bound = Math.max(Math.min(...candidates), objective);
  }
  // A fallback bound of 0 under a positive minimum proves nothing: the gap is unknown, not 100 %.
  if (run.status !== 'optimal' && sense === 'min' && bound !== null && bound <= 0 && objective > 1e-9) bound = null;
  const gap = bound === null ? null : Math.abs(objective - bound) / Math.max(Math.abs(objective), 1e-12);
  return {
    chosen,
    objective,
    solver: 'highs',
    optimal: run.status === 'optimal' || (gap !== null && gap < 1e-9),
    bound,
    gap: run.status === 'optimal' ? 0 : gap,
    timeMs: performance.now() - t0,
    timeLimitReached: run.status === 'time-limit',
    greedyObjective: heuristic.greedyObjective,
  };
}
