import { describe, expect, it } from 'vitest';
import { coverageSets } from './coverage-sets.js';
import { coveredWeight } from './covered-weight.js';
import { groupCoverage } from './group-coverage.js';
import { mclpHeuristic } from './mclp-heuristic.js';
import { seededRandom } from './seeded-random.js';
import type { SitingMatrix } from './types.js';

/** n demand points and c candidates at seeded positions on a 10 × 10 square; distances in the same units. */
function square(n: number, c: number, seed: number): SitingMatrix {
  const rnd = seededRandom(seed);
  const d = Array.from({ length: n }, () => [rnd() * 10, rnd() * 10] as const);
  const s = Array.from({ length: c }, () => [rnd() * 10, rnd() * 10] as const);
  const values = new Float64Array(c * n);
  s.forEach(([x, y], j) => d.forEach(([u, v], i) => (values[j * n + i] = Math.hypot(x - u, y - v))));
  const existing = Float64Array.from(d, ([u, v]) => Math.hypot(u - 2, v - 2));
  return { nDemand: n, nCandidates: c, values, existing, weights: Float64Array.from(d, () => (rnd() < 0.1 ? 0 : 1 + Math.floor(rnd() * 100))) };
}

describe('groupCoverage', () => {
  const cs = coverageSets(square(2000, 40, 7), 2);
  const grouped = groupCoverage(cs);
  const rnd = seededRandom(11);

  it('has fewer rows and covers exactly the same weight for every choice of sites', () => {
    expect(grouped.n).toBeLessThan(cs.n / 2);
    expect(grouped.c).toBe(cs.c);
    for (let t = 0; t < 200; t++) {
      const chosen = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => Math.floor(rnd() * cs.c));
      expect(coveredWeight(grouped, chosen)).toBeCloseTo(coveredWeight(cs, chosen), 6);
    }
    const all = Array.from({ length: cs.c }, (_, j) => j);
    expect(coveredWeight(grouped, all)).toBeCloseTo(coveredWeight(cs, all), 6);
  });

  it('lets the MCLP search reach the same objective as on the points', () => {
    const onPoints = mclpHeuristic(cs, 5, { seed: 3, iterations: 200, timeLimitMs: 60_000 });
    const onGroups = mclpHeuristic(grouped, 5, { seed: 3, iterations: 200, timeLimitMs: 60_000 });
    expect(coveredWeight(cs, onGroups.chosen)).toBeCloseTo(onGroups.objective, 6);
    expect(onGroups.objective).toBeGreaterThanOrEqual(onPoints.objective - 1e-6);
  });

  it('without a round count the search stops by itself once rounds stop improving, never worse than 50 rounds', () => {
    const fixed = mclpHeuristic(grouped, 5, { seed: 3, iterations: 50, timeLimitMs: 600_000 });
    const own = mclpHeuristic(grouped, 5, { seed: 3, timeLimitMs: 600_000 });
    expect(own.timeLimitReached).toBe(false);
    expect(own.objective).toBeGreaterThanOrEqual(fixed.objective - 1e-6);
    expect(mclpHeuristic(grouped, 5, { seed: 3, stall: 10, timeLimitMs: 600_000 }).objective).toBeLessThanOrEqual(own.objective + 1e-6);
  });
});
