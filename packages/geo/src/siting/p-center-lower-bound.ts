import type { ServingCosts } from './serving-costs.js';

/**
 * A lower bound on any p-center objective: the farthest weighted demand's distance (or time) to its
 * nearest possible site, existing or candidate — no choice of sites can do better.
 * @example pCenterLowerBound(servingCosts(matrix)) // → 1840 (m)
 */
export function pCenterLowerBound(sc: ServingCosts): number {
  const { n, c, cost, base, w } = sc;
  let lower = 0;
  for (let i = 0; i < n; i++) {
    if (!(w[i]! > 0)) continue;
    let d = base[i]!;
    for (let j = 0; j < c; j++) d = Math.min(d, cost[j * n + i]!);
    lower = Math.max(lower, d);
  }
  return lower;
}
