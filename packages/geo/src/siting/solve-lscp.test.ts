import { beforeAll, describe, expect, it } from 'vitest';
import { bruteForceLscp } from './brute-force-lscp.js';
import { coverageSets } from './coverage-sets.js';
import { loadHighs } from './load-highs.js';
import { lscpHeuristic } from './lscp-heuristic.js';
import { randomSitingMatrix } from './random-siting-matrix.js';
import type { Highs } from './run-mip.js';
import { solveLscp } from './solve-lscp.js';
import type { SitingMatrix } from './types.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Demand 0…6 on a line; candidates at 1, 2, 4, 5 and 3; radius 1. */
function line(): SitingMatrix {
  const demand = [0, 1, 2, 3, 4, 5, 6];
  const sites = [1, 2, 4, 5, 3];
  const values = new Float64Array(sites.length * demand.length);
  sites.forEach((s, j) => demand.forEach((d, i) => (values[j * demand.length + i] = Math.abs(d - s))));
  return { nDemand: 7, nCandidates: 5, values, existing: new Float64Array(7).fill(Infinity), weights: new Float64Array(7).fill(1) };
}

describe('solveLscp', () => {
  it('needs three sites to cover seven points one apart with radius 1', () => {
    const r = solveLscp(line(), { limit: 1, highs });
    expect(r.objective).toBe(3);
    expect(r.optimal).toBe(true);
  });

  it('needs two once an existing facility covers one end', () => {
    const m = line();
    m.existing = Float64Array.from([0, 1, 2, 3, 4, 5, 6].map((d) => Math.abs(d - 6)));
    const r = solveLscp(m, { limit: 1, highs });
    expect(r.objective).toBe(2);
  });

  it('matches brute-force enumeration on random small instances', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const m = randomSitingMatrix(seed, { nDemand: 15, nCandidates: 10, nExisting: seed % 2 });
      expect(solveLscp(m, { limit: 3000, highs }).objective).toBe(bruteForceLscp(m, 3000));
    }
  });

  it('finds the optimum with the heuristic alone on random small instances, never above greedy', () => {
    for (let seed = 11; seed <= 20; seed++) {
      const m = randomSitingMatrix(seed, { nDemand: 15, nCandidates: 10 });
      const h = lscpHeuristic(coverageSets(m, 3000), { seed: 1 });
      expect(h.objective).toBeLessThanOrEqual(h.greedyObjective!);
      expect(h.objective).toBe(bruteForceLscp(m, 3000));
    }
  });

  it('returns the same sites for the same seed', () => {
    const cs = coverageSets(randomSitingMatrix(2, { nDemand: 400, nCandidates: 120 }), 1500);
    expect(lscpHeuristic(cs, { seed: 3 }).chosen).toEqual(lscpHeuristic(cs, { seed: 3 }).chosen);
  });
});
