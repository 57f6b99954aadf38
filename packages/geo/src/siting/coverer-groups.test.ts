import { describe, expect, it } from 'vitest';
import { coverageSets } from './coverage-sets.js';
import { covererGroups } from './coverer-groups.js';
import { lscpModel } from './lscp-model.js';
import { mclpModel } from './mclp-model.js';
import type { SitingMatrix } from './types.js';

/** Demand at 0, 0.2, 1, 1.1, 3, 9 on a line (weights 1…6), candidates at 0.5 and 1.5, radius 1; an existing site covers 3. */
function line(): SitingMatrix {
  const demand = [0, 0.2, 1, 1.1, 3, 9];
  const sites = [0.5, 1.5];
  const values = new Float64Array(sites.length * demand.length);
  sites.forEach((s, j) => demand.forEach((d, i) => (values[j * demand.length + i] = Math.abs(d - s))));
  const existing = Float64Array.from(demand.map((d) => Math.abs(d - 3.2)));
  return { nDemand: 6, nCandidates: 2, values, existing, weights: Float64Array.from([1, 2, 3, 4, 5, 6]) };
}

describe('covererGroups', () => {
  it('merges demand with the same coverers and leaves out demand already covered or out of reach', () => {
    const groups = covererGroups(coverageSets(line(), 1));
    // 0 and 0.2: only the site at 0.5; 1 and 1.1: both sites; 3 is covered by the existing site; 9 is out of reach.
    expect(groups).toEqual([
      { js: [0], weight: 3, points: 2 },
      { js: [0, 1], weight: 7, points: 2 },
    ]);
  });

  it('gives the coverage models one row per group', () => {
    const cs = coverageSets(line(), 1);
    const mclp = mclpModel(cs, 1);
    expect(mclp.rows).toBe(2);
    expect(mclp.columns).toEqual(['y0', 'y1']);
    expect(mclp.lp).toContain('3 z0');
    expect(mclp.lp).toContain('7 z1');
    expect(mclp.lp).toMatch(/Binary/);
    expect(mclpModel(cs, 1, { relax: true }).lp).not.toMatch(/Binary/);
    expect(lscpModel(cs).rows).toBe(2);
  });
});
