import { lpTerms } from './lp-text.js';
import { pMedianHeuristic } from './p-median-heuristic.js';
import { pMedianObjective } from './p-median-objective.js';
import { runMip, type Highs } from './run-mip.js';
import { servingCosts } from './serving-costs.js';
import { combineExact } from './combine-exact.js';
import type { CoreSolution, SitingMatrix, SolveOptions } from './types.js';

/**
 * Chooses p candidates minimising Σ demand weight × impedance to the nearest open site (existing
 * sites stay open): HiGHS on the assignment MIP when `highs` is given, else the heuristic.
 * @example solvePMedian(matrix, { p: 2, highs: await loadHighs(), timeLimitMs: 5000 }).chosen; // [3, 8]
 */
export function solvePMedian(m: SitingMatrix, opts: SolveOptions & { p: number; highs?: Highs }): CoreSolution {
  const t0 = performance.now();
  const timeLimitMs = opts.timeLimitMs ?? 10_000;
  const useExact = opts.highs !== undefined && opts.exact !== false;
  const heuristic = pMedianHeuristic(m, opts.p, {
    timeLimitMs: useExact ? timeLimitMs * 0.2 : timeLimitMs,
    seed: opts.seed,
    iterations: opts.iterations,
  });
  if (!useExact || !opts.highs) return heuristic;
  const sc = servingCosts(m);
  const { lp, constant } = pMedianLp(sc, opts.p);
  const ys = Array.from({ length: sc.c }, (_, j) => `y${j}`);
  const start: Record<string, number> = {};
  for (const j of heuristic.chosen) start[`y${j}`] = 1;
  const remaining = Math.max(1, timeLimitMs - (performance.now() - t0));
  const run = runMip(opts.highs, lp, ys, { timeLimitMs: remaining, start });
  let nearestAll = 0;
  for (let i = 0; i < sc.n; i++) {
    let d = sc.base[i]!;
    for (let j = 0; j < sc.c; j++) d = Math.min(d, sc.cost[j * sc.n + i]!);
    nearestAll += sc.w[i]! * d;
  }
  return combineExact(run, heuristic, t0, 'min', constant, (chosen) => pMedianObjective(sc, chosen), nearestAll);
}

function pMedianLp(sc: ReturnType<typeof servingCosts>, p: number): { lp: string; constant: number } {
  const { n, c, cost, base, w } = sc;
  const obj: string[] = [];
  const rows: string[] = [];
  let constant = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    if (wi <= 0) continue;
    const assign: string[] = [];
    for (let j = 0; j < c; j++) {
      const d = cost[j * n + i]!;
      if (d >= base[i]!) continue;
      obj.push(`${wi * d} x${i}_${j}`);
      assign.push(`x${i}_${j}`);
      rows.push(` l${i}_${j}: x${i}_${j} - y${j} <= 0`);
    }
    if (assign.length === 0) {
      constant += wi * base[i]!;
      continue;
    }
    obj.push(`${wi * base[i]!} e${i}`);
    assign.push(`e${i}`);
    rows.push(` a${i}:${lpTerms(assign)} = 1`);
  }
  const ys = Array.from({ length: c }, (_, j) => `y${j}`);
  rows.push(` p:${lpTerms(ys.map((y) => `1 ${y}`))} = ${p}`);
  const lp = `Minimize\n obj:${obj.length ? lpTerms(obj) : ' 0 y0'}\nSubject To\n${rows.join('\n')}\nBinary\n ${ys.join('\n ')}\nEnd\n`;
  return { lp, constant };
}
