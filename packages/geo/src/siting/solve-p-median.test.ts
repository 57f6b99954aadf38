import { beforeAll, describe, expect, it } from 'vitest';
import { bruteForceSiting } from './brute-force-siting.js';
import { loadHighs } from './load-highs.js';
import { pMedianHeuristic } from './p-median-heuristic.js';
import { randomSitingMatrix } from './random-siting-matrix.js';
import type { Highs } from './run-mip.js';
import { solvePMedian } from './solve-p-median.js';
import type { SitingMatrix } from './types.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Demand at 0, 1, 2, 10, 11 on a line (weights 1,1,1,2,2); candidates at 1 and 10 and 5. */
function line(): SitingMatrix {
  const demand = [0, 1, 2, 10, 11];
  const sites = [1, 10, 5];
  const values = new Float64Array(sites.length * demand.length);
  sites.forEach((s, j) => demand.forEach((d, i) => (values[j * demand.length + i] = Math.abs(d - s))));
  return { nDemand: 5, nCandidates: 3, values, existing: new Float64Array(5).fill(Infinity), weights: Float64Array.from([1, 1, 1, 2, 2]) };
}

describe('solvePMedian', () => {
  it('opens the two cluster centres on a hand-checked line', () => {
    const r = solvePMedian(line(), { p: 2, highs });
    expect(r.chosen).toEqual([0, 1]);
    expect(r.objective).toBe(4); // 1 + 0 + 1 + 0 + 2·1
    expect(r.optimal).toBe(true);
    expect(r.solver).toBe('highs');
  });

  it('keeps existing facilities open and only adds what lowers the total', () => {
    const m = line();
    m.existing = Float64Array.from([0, 1, 2, 10, 11].map((d) => Math.abs(d - 10))); // an existing site at 10
    const r = solvePMedian(m, { p: 1, highs });
    expect(r.chosen).toEqual([0]);
    expect(r.objective).toBe(4);
  });

  it('matches brute-force enumeration on random small instances', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const m = randomSitingMatrix(seed, { nDemand: 14, nCandidates: 9, nExisting: seed % 3 === 0 ? 1 : 0 });
      const p = 1 + (seed % 3);
      const brute = bruteForceSiting(m, 'p-median', p);
      const exact = solvePMedian(m, { p, highs });
      expect(exact.objective).toBeCloseTo(brute.objective, 6);
      expect(exact.optimal).toBe(true);
    }
  });

  it('finds the optimum with the heuristic alone on random small instances', () => {
    for (let seed = 11; seed <= 20; seed++) {
      const m = randomSitingMatrix(seed, { nDemand: 15, nCandidates: 10 });
      const p = 2 + (seed % 3);
      const h = pMedianHeuristic(m, p, { seed: 1 });
      expect(h.objective).toBeCloseTo(bruteForceSiting(m, 'p-median', p).objective, 6);
    }
  });

  it('is never worse than its greedy construction', () => {
    for (let seed = 21; seed <= 26; seed++) {
      const h = pMedianHeuristic(randomSitingMatrix(seed, { nDemand: 80, nCandidates: 40 }), 6, { seed });
      expect(h.objective).toBeLessThanOrEqual(h.greedyObjective! + 1e-9);
    }
  });

  it('returns the same sites for the same seed', () => {
    const m = randomSitingMatrix(5, { nDemand: 120, nCandidates: 60 });
    const a = pMedianHeuristic(m, 8, { seed: 42, iterations: 30 });
    const b = pMedianHeuristic(m, 8, { seed: 42, iterations: 30 });
    expect(a.chosen).toEqual(b.chosen);
    expect(a.objective).toBe(b.objective);
  });

  it('returns a bound and a gap when the time limit stops HiGHS', () => {
    const m = randomSitingMatrix(9, { nDemand: 200, nCandidates: 200 });
    const r = solvePMedian(m, { p: 12, highs, timeLimitMs: 150 });
    expect(r.optimal).toBe(false);
    expect(r.bound).not.toBeNull();
    expect(r.bound!).toBeGreaterThan(0);
    expect(r.bound!).toBeLessThan(r.objective);
    expect(r.gap).toBeCloseTo((r.objective - r.bound!) / r.objective, 12);
  });

  it('leaves demand nothing can reach out of the objective', () => {
    const m = line();
    m.values[0 * 5 + 0] = Infinity;
    m.values[1 * 5 + 0] = Infinity;
    m.values[2 * 5 + 0] = Infinity;
    const r = solvePMedian(m, { p: 2, highs });
    expect(r.chosen).toEqual([0, 1]);
    expect(r.objective).toBe(3);
  });
});
