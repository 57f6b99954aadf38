import { seededRandom } from './seeded-random.js';
import type { SitingMatrix } from './types.js';

/**
 * A seeded random planar instance (points in a `sizeM` square, Euclidean metres) for tests and
 * benchmarks, with `existing` facilities placed at random too.
 * @example randomSitingMatrix(7, { nDemand: 12, nCandidates: 8 }).values.length; // 96
 */
export function randomSitingMatrix(
  seed: number,
  opts: { nDemand: number; nCandidates: number; nExisting?: number; sizeM?: number; integer?: boolean },
): SitingMatrix {
  const rand = seededRandom(seed);
  const size = opts.sizeM ?? 10_000;
  const pt = () => [rand() * size, rand() * size] as const;
  const demand = Array.from({ length: opts.nDemand }, pt);
  const sites = Array.from({ length: opts.nCandidates }, pt);
  const existing = Array.from({ length: opts.nExisting ?? 0 }, pt);
  const dist = (a: readonly number[], b: readonly number[]) => {
    const d = Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
    return opts.integer ? Math.round(d) : d;
  };
  const values = new Float64Array(opts.nDemand * opts.nCandidates);
  sites.forEach((s, j) => demand.forEach((d, i) => (values[j * opts.nDemand + i] = dist(d, s))));
  const near = Float64Array.from(demand, (d) => Math.min(Infinity, ...existing.map((e) => dist(d, e))));
  const weights = Float64Array.from(demand, () => 1 + Math.floor(rand() * 100));
  return { nDemand: opts.nDemand, nCandidates: opts.nCandidates, values, existing: near, weights };
}
