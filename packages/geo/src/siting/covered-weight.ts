import type { CoverageSets } from './coverage-sets.js';

/**
 * Demand weight covered by a set of open candidates (each demand point counted once).
 * @example coveredWeight(coverageSets(matrix, 1500), [0, 3]) // → 12450
 */
export function coveredWeight(cs: CoverageSets, chosen: readonly number[]): number {
  const hit = new Uint8Array(cs.n);
  let s = 0;
  for (const j of chosen) {
    for (let k = cs.start[j]!; k < cs.start[j + 1]!; k++) {
      const i = cs.items[k]!;
      if (!hit[i]) {
        hit[i] = 1;
        s += cs.w[i]!;
      }
    }
  }
  return s;
}
