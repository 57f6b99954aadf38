/**
 * The MCLP as a HiGHS model for the benchmarks, with demand points that share the same set of covering
 * candidates merged into one row (an exact reduction), so 100 000 points become a few thousand rows.
 */
import type { CoverageSets } from '../src/siting/coverage-sets.js';
import { demandCoverers } from '../src/siting/demand-coverers.js';
import { lpTerms } from '../src/siting/lp-text.js';
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
 * @example mclpModel(highs, cs, 10, { timeLimitMs: 60_000 }).objective
 */
export function mclpModel(highs: Highs, cs: CoverageSets, p: number, o: { timeLimitMs: number; relax?: boolean; start?: number[] }): MclpModelRun {
  const t0 = performance.now();
  const groups = new Map<string, { js: number[]; w: number }>();
  demandCoverers(cs).forEach((js, i) => {
    if (js.length === 0 || !(cs.w[i]! > 0)) return;
    const key = js.join(',');
    const g = groups.get(key);
    if (g) g.w += cs.w[i]!;
    else groups.set(key, { js, w: cs.w[i]! });
  });
  const obj: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  let g = 0;
  for (const { js, w } of groups.values()) {
    obj.push(`${w} z${g}`);
    bounds.push(` z${g} <= 1`);
    rows.push(` c${g}: z${g}${lpTerms(js.map((j) => `-1 y${j}`))} <= 0`);
    g++;
  }
  const ys = Array.from({ length: cs.c }, (_, j) => `y${j}`);
  rows.push(` p:${lpTerms(ys.map((y) => `1 ${y}`))} = ${p}`);
  for (const y of ys) bounds.push(` ${y} <= 1`);
  const lp = `Maximize\n obj:${lpTerms(obj)}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\n${o.relax ? '' : `Binary\n ${ys.join('\n ')}\n`}End\n`;
  const start = o.start ? Object.fromEntries(o.start.map((j) => [`y${j}`, 1])) : undefined;
  const run = runMip(highs, lp, ys, { timeLimitMs: o.timeLimitMs, ...(start ? { start } : {}) });
  const chosen: number[] = [];
  run.values.forEach((v, j) => v > 0.5 && chosen.push(j));
  const bound = o.relax ? run.objective : run.status === 'optimal' ? run.objective : run.bound;
  return { status: run.status, objective: run.objective, bound, chosen, rows: groups.size, ms: performance.now() - t0 };
}
