/**
 * The product's MCLP model (`mclpModel`: demand with the same covering candidates merged into one row,
 * an exact reduction) solved by HiGHS for the benchmarks, or its LP relaxation.
 */
import type { CoverageSets } from '../src/siting/coverage-sets.js';
import { mclpModel } from '../src/siting/mclp-model.js';
import { runMip, type Highs } from '../src/siting/run-mip.js';

export interface MclpModelRun {
  status: string;
  objective: number | null;
  /** Proven upper bound on the covered weight (the LP optimum when `relax`). */
  bound: number | null;
  chosen: number[];
  rows: number;
  ms: number;
}

/**
 * Solves the MCLP (or its LP relaxation) with HiGHS within `timeLimitMs`, optionally warm-started.
 * @example solveMclpModel(highs, cs, 10, { timeLimitMs: 60_000 }).objective
 */
export function solveMclpModel(highs: Highs, cs: CoverageSets, p: number, o: { timeLimitMs: number; relax?: boolean; start?: number[] }): MclpModelRun {
  const t0 = performance.now();
  const model = mclpModel(cs, p, { relax: o.relax ?? false });
  const start = o.start ? Object.fromEntries(o.start.map((j) => [`y${j}`, 1])) : undefined;
  const run = runMip(highs, model.lp, model.columns, { timeLimitMs: o.timeLimitMs, ...(start ? { start } : {}) });
  const chosen: number[] = [];
  run.values.forEach((v, j) => v > 0.5 && chosen.push(j));
  const bound = o.relax ? run.objective : run.status === 'optimal' ? run.objective : run.bound;
  return { status: run.status, objective: run.objective, bound, chosen, rows: model.rows, ms: performance.now() - t0 };
}
