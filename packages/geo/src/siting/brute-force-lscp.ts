import { bruteForceSiting } from './brute-force-siting.js';
import type { SitingMatrix } from './types.js';

/**
 * Smallest number of candidates covering every demand point of weight > 0 within `limit` that some
 * site can cover (LSCP reference by enumeration, size by size).
 * @example bruteForceLscp(matrix, 1500); // 3
 */
export function bruteForceLscp(m: SitingMatrix, limit: number): number {
  for (let p = 0; p <= m.nCandidates; p++) {
    const need = coverable(m, limit);
    const target = need.reduce((s, x) => s + x, 0);
    if (p === 0 && target === 0) return 0;
    if (p === 0) continue;
    const r = bruteForceSiting({ ...m, weights: Float64Array.from(need) }, 'mclp', p, limit);
    if (r.objective >= target - 1e-9) return p;
  }
  return m.nCandidates;
}

function coverable(m: SitingMatrix, limit: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < m.nDemand; i++) {
    let ok = false;
    for (let j = 0; j < m.nCandidates; j++) ok ||= m.values[j * m.nDemand + i]! <= limit;
    out.push(m.weights[i]! > 0 && m.existing[i]! > limit && ok ? 1 : 0);
  }
  return out;
}
