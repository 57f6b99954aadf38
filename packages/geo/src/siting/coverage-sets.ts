import type { SitingMatrix } from './types.js';

export interface CoverageSets {
  n: number;
  c: number;
  /** CSR: demand indices candidate j covers are `items[start[j] .. start[j+1])`, existing-covered demand left out. */
  start: Int32Array;
  items: Int32Array;
  /** 1 where an existing facility already covers demand i (or its weight is 0, so it needs none). */
  coveredByExisting: Uint8Array;
  /** 1 where neither an existing facility nor any candidate covers demand i. */
  uncoverable: Uint8Array;
  w: Float64Array;
}

/**
 * Which demand each candidate covers within `limit` (impedance ≤ limit), leaving out demand that an
 * existing facility already covers.
 * @example coverageSets(matrix, 1500).items; // Int32Array of demand indices, candidate by candidate
 */
export function coverageSets(m: SitingMatrix, limit: number): CoverageSets {
  const n = m.nDemand;
  const c = m.nCandidates;
  const coveredByExisting = new Uint8Array(n);
  // Demand of weight 0 needs no cover: it is treated as already covered.
  for (let i = 0; i < n; i++) if (m.existing[i]! <= limit || !(m.weights[i]! > 0)) coveredByExisting[i] = 1;
  const start = new Int32Array(c + 1);
  const list: number[] = [];
  const reach = new Uint8Array(n);
  for (let j = 0; j < c; j++) {
    const off = j * n;
    for (let i = 0; i < n; i++) {
      if (!coveredByExisting[i] && m.values[off + i]! <= limit) {
        list.push(i);
        reach[i] = 1;
      }
    }
    start[j + 1] = list.length;
  }
  const uncoverable = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (!coveredByExisting[i] && !reach[i]) uncoverable[i] = 1;
  return { n, c, start, items: Int32Array.from(list), coveredByExisting, uncoverable, w: m.weights };
}
