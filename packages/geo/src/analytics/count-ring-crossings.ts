import type { RingSegments } from './ring-segments.js';

/**
 * Counts the pairs of edges that touch without being consecutive along a ring, by a sweep over the
 * edges sorted by their smallest x with an active list pruned by largest x and filtered by y range.
 * Stops once `maxCount` pairs are found or `maxTests` candidate pairs have been looked at (many long
 * edges over one x, as in a star, would otherwise make it quadratic); `complete` says whether every
 * pair was seen. Meant to run only once a crossing is known to exist (sweepRingCrossing).
 * @example countRingCrossings(ringSegments([[[0,0],[2,2],[2,0],[0,2],[0,0]]]), { maxCount: 100, maxTests: 1000 }) // → { count: 1, complete: true }
 */
export function countRingCrossings(segments: RingSegments, limits: { maxCount: number; maxTests: number }): { count: number; complete: boolean } {
  const { count: n, lx, ly, rx, ry, conflict } = segments;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => lx[a]! - lx[b]!);
  const active: number[] = [];
  let count = 0;
  let tests = 0;
  for (const s of order) {
    const x = lx[s]!;
    const yLow = Math.min(ly[s]!, ry[s]!);
    const yHigh = Math.max(ly[s]!, ry[s]!);
    let kept = 0;
    for (const t of active) {
      if (rx[t]! < x) continue;
      active[kept++] = t;
      if (++tests > limits.maxTests) return { count, complete: false };
      if (Math.max(ly[t]!, ry[t]!) < yLow || Math.min(ly[t]!, ry[t]!) > yHigh) continue;
      if (conflict(s, t) && ++count >= limits.maxCount) return { count, complete: false };
    }
    active.length = kept;
    active.push(s);
  }
  return { count, complete: true };
}
