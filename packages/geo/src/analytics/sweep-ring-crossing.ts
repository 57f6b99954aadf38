import { orient2dSign } from './orient2d-sign.js';
import type { RingSegments } from './ring-segments.js';
import { sweepStatus } from './sweep-status.js';

/**
 * Shamos–Hoey sweep: two edges that touch without being consecutive along a ring, or null when no
 * such pair exists, in O(n log n). Corners are visited left to right (x, then y); at each, the edges
 * ending there leave the ordered status, the corner is looked up in the status (an edge it lies on
 * touches the corner's edges), and the edges starting there enter. Edges that become neighbours in
 * the status are tested, all exactly (orient2dSign). Needs corners that are all distinct
 * (`segments.repeatedCorner` null): each corner then ends or starts just the two edges of its visit.
 * @example sweepRingCrossing(ringSegments([[[0,0],[2,2],[2,0],[0,2],[0,0]]])) // → [0, 2] (the bow-tie's two diagonals)
 */
export function sweepRingCrossing(segments: RingSegments): [number, number] | null {
  const { count, lx, ly, rx, ry, prev, forward, cornerOrder, conflict } = segments;
  const status = sweepStatus(count);
  let found: [number, number] | null = null;
  const test = (a: number, b: number) => {
    if (!found && a !== -1 && b !== -1 && conflict(a, b)) found = [Math.min(a, b), Math.max(a, b)];
  };
  // where edge s, entering at its left corner, goes relative to edge t in the status; a tie is the
  // other edge entering at the same corner (or a collinear edge), ordered by the right endpoints
  const side = (s: number, t: number): number =>
    orient2dSign(lx[t]!, ly[t]!, rx[t]!, ry[t]!, lx[s]!, ly[s]!) || orient2dSign(lx[t]!, ly[t]!, rx[t]!, ry[t]!, rx[s]!, ry[s]!) || s - t;
  const leave = (e: number) => {
    const below = status.before(e);
    const above = status.after(e);
    status.remove(e);
    test(below, above);
  };
  const enter = (e: number) => {
    if (found) return;
    status.insert(e, side);
    test(e, status.before(e));
    test(e, status.after(e));
  };
  let px = 0;
  let py = 0;
  const towardCorner = (t: number) => orient2dSign(lx[t]!, ly[t]!, rx[t]!, ry[t]!, px, py);
  for (let k = 0; k < count && !found; k++) {
    // the corner where edge `out` starts and edge `into` ends, along their ring
    const out = cornerOrder[k]!;
    const into = prev[out]!;
    px = forward[out] ? lx[out]! : rx[out]!;
    py = forward[out] ? ly[out]! : ry[out]!;
    if (forward[into]) leave(into);
    if (!forward[out]) leave(out);
    const on = status.find(towardCorner);
    if (on !== -1) {
      test(on, out);
      test(on, into);
    }
    if (!forward[into]) enter(into);
    if (forward[out]) enter(out);
  }
  return found;
}
