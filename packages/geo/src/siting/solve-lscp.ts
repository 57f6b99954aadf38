import { combineExact } from './combine-exact.js';
import { coverageSets } from './coverage-sets.js';
import { demandCoverers } from './demand-coverers.js';
import { lpTerms } from './lp-text.js';
import { lscpHeuristic } from './lscp-heuristic.js';
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
  const coverers = demandCoverers(cs);
  const rows: string[] = [];
  coverers.forEach((js, i) => {
    if (js.length > 0) rows.push(` c${i}:${lpTerms(js.map((j) => `1 y${j}`))} >= 1`);
  });
  const ys = Array.from({ length: cs.c }, (_, j) => `y${j}`);
  const lp = `Minimize\n obj:${lpTerms(ys.map((y) => `1 ${y}`))}\nSubject To\n${rows.join('\n')}\nBinary\n ${ys.join('\n ')}\nEnd\n`;
  const start: Record<string, number> = {};
  for (const j of heuristic.chosen) start[`y${j}`] = 1;
  const run = runMip(opts.highs, lp, ys, { timeLimitMs: Math.max(1, timeLimitMs - (performance.now() - t0)), start });
  return combineExact(run, heuristic, t0, 'min', 0, (chosen) => chosen.length, 1);
}
