import type { SitingMatrix } from './types.js';

export type BruteForceKind = 'mclp' | 'p-median' | 'p-center';

/**
 * Reference optimum by enumerating every p-subset of candidates (tests only; C(c, p) must stay small):
 * MCLP newly covered weight within `limit`, p-median Σ w·d, p-center max d over weight > 0.
 * @example bruteForceSiting(matrix, 'p-median', 2).objective; // 1234.5
 */
export function bruteForceSiting(m: SitingMatrix, kind: BruteForceKind, p: number, limit = 0): { objective: number; chosen: number[] } {
  let best = kind === 'mclp' ? -Infinity : Infinity;
  let bestSet: number[] = [];
  const set: number[] = [];
  const visit = (from: number): void => {
    if (set.length === p) {
      const v = evaluate(m, kind, set, limit);
      if (kind === 'mclp' ? v > best + 1e-9 : v < best - 1e-9) [best, bestSet] = [v, [...set]];
      return;
    }
    for (let j = from; j <= m.nCandidates - (p - set.length); j++) {
      set.push(j);
      visit(j + 1);
      set.pop();
    }
  };
  visit(0);
  return { objective: best, chosen: bestSet };
}

function evaluate(m: SitingMatrix, kind: BruteForceKind, set: readonly number[], limit: number): number {
  let sum = 0;
  let max = 0;
  for (let i = 0; i < m.nDemand; i++) {
    const w = m.weights[i]!;
    let d = m.existing[i]!;
    let newly = false;
    for (const j of set) {
      const v = m.values[j * m.nDemand + i]!;
      d = Math.min(d, v);
      newly ||= v <= limit;
    }
    if (kind === 'mclp') sum += newly && m.existing[i]! > limit ? w : 0;
    else if (kind === 'p-median') sum += w * d;
    else if (w > 0) max = Math.max(max, d);
  }
  return kind === 'p-center' ? max : sum;
}
