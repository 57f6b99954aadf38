import type { ServingCosts } from './serving-costs.js';

/**
 * Σ weight × impedance to the nearest open site (existing or chosen), with unreachable pairs at the
 * penalty of `servingCosts`.
 * @example pMedianObjective(servingCosts(matrix), [2, 5]); // e.g. 48 213.5
 */
export function pMedianObjective(sc: ServingCosts, chosen: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < sc.n; i++) {
    let d = sc.base[i]!;
    for (const j of chosen) d = Math.min(d, sc.cost[j * sc.n + i]!);
    s += sc.w[i]! * d;
  }
  return s;
}
