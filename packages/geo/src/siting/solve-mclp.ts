import { combineExact } from './combine-exact.js';
import { coveredWeight } from './covered-weight.js';
import { coverageSets, type CoverageSets } from './coverage-sets.js';
import { demandCoverers } from './demand-coverers.js';
import { lpTerms } from './lp-text.js';
import { mclpHeuristic } from './mclp-heuristic.js';
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
  const cs = coverageSets(m, opts.limit);
  const useExact = opts.highs !== undefined && opts.exact !== false;
  const heuristic = mclpHeuristic(cs, opts.p, { timeLimitMs: useExact ? timeLimitMs * 0.2 : timeLimitMs, seed: opts.seed, iterations: opts.iterations });
  if (!useExact || !opts.highs) return heuristic;
  const coverers = demandCoverers(cs);
  const rows: string[] = [];
  const obj: string[] = [];
  const bounds: string[] = [];
  coverers.forEach((js, i) => {
    const wi = cs.w[i]!;
    if (js.length === 0 || wi <= 0) return;
    obj.push(`${wi} z${i}`);
    bounds.push(` z${i} <= 1`);
    rows.push(` c${i}: z${i}${lpTerms(js.map((j) => `-1 y${j}`))} <= 0`);
  });
  if (obj.length === 0) return heuristic;
  const ys = Array.from({ length: cs.c }, (_, j) => `y${j}`);
  rows.push(` p:${lpTerms(ys.map((y) => `1 ${y}`))} = ${opts.p}`);
  const lp = `Maximize\n obj:${lpTerms(obj)}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nBinary\n ${ys.join('\n ')}\nEnd\n`;
  const start: Record<string, number> = {};
  for (const j of heuristic.chosen) start[`y${j}`] = 1;
  const run = runMip(opts.highs, lp, ys, { timeLimitMs: Math.max(1, timeLimitMs - (performance.now() - t0)), start });
  const all = Array.from({ length: cs.c }, (_, j) => j);
  return combineExact(run, heuristic, t0, 'max', 0, (chosen) => coveredWeight(cs, chosen), coveredWeight(cs, all));
}
