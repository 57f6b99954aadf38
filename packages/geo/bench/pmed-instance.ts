import { readFileSync } from 'node:fs';
import type { SitingMatrix } from '../src/siting/types.js';

export interface PmedInstance {
  name: string;
  n: number;
  p: number;
  /** Symmetric all-pairs shortest-path distances, row-major n × n. */
  dist: Float64Array;
}

/** Parses an OR-Library pmedN.txt (n m p, then edges i j cost; the last duplicate edge wins) and runs Floyd–Warshall. */
export function readPmedInstance(file: string, name: string): PmedInstance {
  const nums = readFileSync(file, 'utf8').trim().split(/\s+/).map(Number);
  const [n, m, p] = [nums[0]!, nums[1]!, nums[2]!];
  const dist = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) dist[i * n + i] = 0;
  for (let e = 0; e < m; e++) {
    const a = nums[3 + 3 * e]! - 1;
    const b = nums[4 + 3 * e]! - 1;
    const cost = nums[5 + 3 * e]!;
    if (a === b) continue;
    dist[a * n + b] = cost;
    dist[b * n + a] = cost;
  }
  for (let k = 0; k < n; k++) {
    const rowK = k * n;
    for (let i = 0; i < n; i++) {
      const dik = dist[i * n + k]!;
      if (dik === Infinity) continue;
      const rowI = i * n;
      for (let j = 0; j < n; j++) {
        const via = dik + dist[rowK + j]!;
        if (via < dist[rowI + j]!) dist[rowI + j] = via;
      }
    }
  }
  return { name, n, p, dist };
}

/** Every vertex is a demand point of weight 1 and a candidate site; no existing facilities. */
export function pmedMatrix(inst: PmedInstance): SitingMatrix {
  return {
    nDemand: inst.n,
    nCandidates: inst.n,
    values: inst.dist,
    existing: new Float64Array(inst.n).fill(Infinity),
    weights: new Float64Array(inst.n).fill(1),
  };
}
