import { beforeAll, describe, expect, it } from 'vitest';
import { bruteForceSiting } from './brute-force-siting.js';
import { loadHighs } from './load-highs.js';
import { pCenterHeuristic } from './p-center-heuristic.js';
import { randomSitingMatrix } from './random-siting-matrix.js';
import type { Highs } from './run-mip.js';
import { solvePCenter } from './solve-p-center.js';
import type { SitingMatrix } from './types.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Demand at 0, 2, 3, 10 (the heavy one at 2); candidates at 1, 2, 5, 10. */
function line(): SitingMatrix {
  const demand = [0, 2, 3, 10];
  const sites = [1, 2, 5, 10];
  const values = new Float64Array(sites.length * demand.length);
  sites.forEach((s, j) => demand.forEach((d, i) => (values[j * demand.length + i] = Math.abs(d - s))));
  return { nDemand: 4, nCandidates: 4, values, existing: new Float64Array(4).fill(Infinity), weights: Float64Array.from([1, 50, 1, 1]) };
}

describe('solvePCenter', () => {
  it('minimises the worst distance, not the weighted total, on a hand-checked line', () => {
    const r = solvePCenter(line(), { p: 1, highs });
    expect(r.objective).toBe(5); // the site at 5 reaches 0 and 10 within 5
    expect(r.chosen).toEqual([2]);
    expect(r.optimal).toBe(true);
  });

  it('matches brute-force enumeration on random small instances', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const m = randomSitingMatrix(seed, { nDemand: 14, nCandidates: 9, nExisting: seed % 2 });
      const p = 1 + (seed % 3);
      const exact = solvePCenter(m, { p, highs });
      expect(exact.objective).toBeCloseTo(bruteForceSiting(m, 'p-center', p).objective, 9);
      expect(exact.optimal).toBe(true);
    }
  });

  it('finds the optimum with the heuristic alone on random small instances, never above greedy', () => {
    for (let seed = 11; seed <= 20; seed++) {
      const m = randomSitingMatrix(seed, { nDemand: 15, nCandidates: 10 });
      const h = pCenterHeuristic(m, 3, { seed: 1 });
      expect(h.objective).toBeLessThanOrEqual(h.greedyObjective! + 1e-9);
      expect(h.objective).toBeCloseTo(bruteForceSiting(m, 'p-center', 3).objective, 9);
    }
  });

  it('returns the same sites for the same seed', () => {
    const m = randomSitingMatrix(8, { nDemand: 150, nCandidates: 60 });
    expect(pCenterHeuristic(m, 6, { seed: 5 }).chosen).toEqual(pCenterHeuristic(m, 6, { seed: 5 }).chosen);
  });

  it('returns a lower bound and a gap when the time limit stops the search', () => {
    const m = randomSitingMatrix(6, { nDemand: 400, nCandidates: 300 });
    const r = solvePCenter(m, { p: 15, highs, timeLimitMs: 30 });
    expect(r.bound).not.toBeNull();
    expect(r.bound!).toBeLessThanOrEqual(r.objective);
    expect(r.gap).toBeCloseTo((r.objective - r.bound!) / r.objective, 12);
  });
});
