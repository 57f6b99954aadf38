import { beforeAll, describe, expect, it } from 'vitest';
import { bruteForceSiting } from './brute-force-siting.js';
import { coverageSets } from './coverage-sets.js';
import { loadHighs } from './load-highs.js';
import { mclpHeuristic } from './mclp-heuristic.js';
import { randomSitingMatrix } from './random-siting-matrix.js';
import type { Highs } from './run-mip.js';
import { solveMclp } from './solve-mclp.js';
import type { SitingMatrix } from './types.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Demand 0…5 on a line, weights 1…6; candidates at 1 and 4.5 and 0; radius 1. */
function line(): SitingMatrix {
  const demand = [0, 1, 2, 3, 4, 5];
  const sites = [1, 4.5, 0];
  const values = new Float64Array(sites.length * demand.length);
  sites.forEach((s, j) => demand.forEach((d, i) => (values[j * demand.length + i] = Math.abs(d - s))));
  return { nDemand: 6, nCandidates: 3, values, existing: new Float64Array(6).fill(Infinity), weights: Float64Array.from([1, 2, 3, 4, 5, 6]) };
}

describe('solveMclp', () => {
  it('covers the heaviest demand with one site on a hand-checked line', () => {
    const r = solveMclp(line(), { p: 1, limit: 1, highs });
    expect(r.chosen).toEqual([1]); // covers 4 and 5: 5 + 6 = 11 > 1 + 2 + 3
    expect(r.objective).toBe(11);
    expect(r.optimal).toBe(true);
  });

  it('counts demand an existing site covers as covered already', () => {
    const m = line();
    m.existing = Float64Array.from([0, 1, 2, 3, 4, 5].map((d) => Math.abs(d - 5))); // existing at 5 covers 4, 5
    const r = solveMclp(m, { p: 1, limit: 1, highs });
    expect(r.chosen).toEqual([0]);
    expect(r.objective).toBe(6);
  });

  it('matches brute-force enumeration on random small instances', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const m = randomSitingMatrix(seed, { nDemand: 16, nCandidates: 9, nExisting: seed % 2 });
      const p = 1 + (seed % 3);
      const exact = solveMclp(m, { p, limit: 2500, highs });
      expect(exact.objective).toBeCloseTo(bruteForceSiting(m, 'mclp', p, 2500).objective, 6);
      expect(exact.optimal).toBe(true);
    }
  });

  it('finds the optimum with the heuristic alone on random small instances, never below greedy', () => {
    for (let seed = 11; seed <= 20; seed++) {
      const m = randomSitingMatrix(seed, { nDemand: 16, nCandidates: 10 });
      const h = mclpHeuristic(coverageSets(m, 2500), 3, { seed: 1 });
      expect(h.objective).toBeGreaterThanOrEqual(h.greedyObjective!);
      expect(h.objective).toBeCloseTo(bruteForceSiting(m, 'mclp', 3, 2500).objective, 6);
    }
  });

  it('returns the same sites for the same seed', () => {
    const cs = coverageSets(randomSitingMatrix(3, { nDemand: 300, nCandidates: 80 }), 1200);
    expect(mclpHeuristic(cs, 7, { seed: 9 }).chosen).toEqual(mclpHeuristic(cs, 7, { seed: 9 }).chosen);
  });

  it('returns an upper bound and a gap when the time limit stops HiGHS', () => {
    const m = randomSitingMatrix(4, { nDemand: 3000, nCandidates: 400, sizeM: 30_000 });
    const r = solveMclp(m, { p: 25, limit: 2200, highs, timeLimitMs: 60 });
    expect(r.bound).not.toBeNull();
    expect(r.bound!).toBeGreaterThanOrEqual(r.objective);
    expect(r.gap).toBeCloseTo((r.bound! - r.objective) / r.objective, 12);
  });
});
