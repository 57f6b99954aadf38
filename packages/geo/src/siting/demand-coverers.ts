import type { CoverageSets } from './coverage-sets.js';

/**
 * Inverts coverage sets: for each demand index, the candidate indices that cover it.
 * @example demandCoverers(coverageSets(matrix, 1500))[0]; // [3, 8]
 */
export function demandCoverers(cs: CoverageSets): number[][] {
  const out: number[][] = Array.from({ length: cs.n }, () => []);
  for (let j = 0; j < cs.c; j++) for (let k = cs.start[j]!; k < cs.start[j + 1]!; k++) out[cs.items[k]!]!.push(j);
  return out;
}
