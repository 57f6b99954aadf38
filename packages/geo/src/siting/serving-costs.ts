import type { SitingMatrix } from './types.js';

export interface ServingCosts {
  n: number;
  c: number;
  /** Candidate-major impedances with Infinity replaced by `penalty`. */
  cost: Float64Array;
  /** Impedance to the nearest existing site, capped at `penalty`. */
  base: Float64Array;
  /** Demand weights, 0 for demand that no site (existing or candidate) can reach. */
  w: Float64Array;
  /** Cost of leaving reachable demand unserved: 10 × the longest finite impedance. */
  penalty: number;
  /** Demand indices that nothing can reach. */
  unreachable: number[];
}

/**
 * Finite serving costs for the median/center solvers: unreachable pairs cost a penalty, demand that
 * nothing reaches drops out.
 * @example servingCosts(matrix).penalty; // 10 × longest finite impedance
 */
export function servingCosts(m: SitingMatrix): ServingCosts {
  const n = m.nDemand;
  const c = m.nCandidates;
  let maxFinite = 0;
  let anyInfinite = false;
  for (const v of m.values) {
    if (Number.isFinite(v)) maxFinite = Math.max(maxFinite, v);
    else anyInfinite = true;
  }
  for (const v of m.existing) if (Number.isFinite(v)) maxFinite = Math.max(maxFinite, v);
  const penalty = 10 * Math.max(maxFinite, 1);
  const cost = anyInfinite ? m.values.map((v) => (Number.isFinite(v) ? v : penalty)) : m.values;
  const base = m.existing.map((v) => Math.min(v, penalty));
  const w = Float64Array.from(m.weights);
  const unreachable: number[] = [];
  for (let i = 0; i < n; i++) {
    let reach = Number.isFinite(m.existing[i]!);
    for (let j = 0; j < c && !reach; j++) reach = Number.isFinite(m.values[j * n + i]!);
    if (!reach) {
      w[i] = 0;
      unreachable.push(i);
    }
  }
  return { n, c, cost, base, w, penalty, unreachable };
}
