import type { Position } from 'geojson';
import { countRingCrossings } from './count-ring-crossings.js';
import { ringSegments, type RingSegments } from './ring-segments.js';
import { segmentsTouch } from './segments-touch.js';
import { sweepRingCrossing } from './sweep-ring-crossing.js';

export interface RingCrossings {
  /** pairs of edges that cross or touch (at least this many when `atLeast`) */
  count: number;
  atLeast: boolean;
  /** where one such pair meets (the leftmost found by the sweep), or null when there is none */
  first: [number, number] | null;
}

/** Counting stops after this many pairs, or after looking at this many candidate pairs per edge (plus a fixed allowance). */
export const RING_CROSSING_COUNT_LIMITS = { maxCount: 1000, testsPerEdge: 64, baseTests: 1 << 20 };

/**
 * Where the rings of a Polygon or MultiPolygon (all rings together, as turf.kinks takes them) cross
 * themselves or each other, in O(n log n) for the yes/no answer (a Shamos–Hoey sweep with exact
 * orientation tests on the doubles). Reported, as by turf.kinks: proper crossings, an edge touching
 * a non-consecutive edge of its own ring, any contact between edges of different rings (a shared
 * corner included). Not reported: the shared corner of consecutive edges and the closing corner.
 * Unlike turf.kinks, collinear overlaps count as touches, and repeated consecutive positions are
 * merged rather than reported. The count is exact up to RING_CROSSING_COUNT_LIMITS, then `atLeast`.
 * @example findRingCrossings([[[0,0],[2,2],[2,0],[0,2],[0,0]]]) // → { count: 1, atLeast: false, first: [1, 1] }
 */
export function findRingCrossings(rings: readonly (readonly Position[])[], limits = RING_CROSSING_COUNT_LIMITS): RingCrossings {
  const segments = ringSegments(rings);
  let first = segments.repeatedCorner;
  if (!first) {
    const pair = sweepRingCrossing(segments);
    if (pair) first = meetingPoint(segments, pair[0], pair[1]);
  }
  if (!first) return { count: 0, atLeast: false, first: null };
  const counted = countRingCrossings(segments, { maxCount: limits.maxCount, maxTests: limits.testsPerEdge * segments.count + limits.baseTests });
  return { count: Math.max(1, counted.count), atLeast: !counted.complete, first };
}

/** An endpoint of one edge lying on the other, else the crossing point of their lines. */
function meetingPoint({ lx, ly, rx, ry }: RingSegments, a: number, b: number): [number, number] {
  const on = (px: number, py: number, s: number) => segmentsTouch(px, py, px, py, lx[s]!, ly[s]!, rx[s]!, ry[s]!);
  for (const [s, t] of [[a, b], [b, a]] as const) {
    if (on(lx[s]!, ly[s]!, t)) return [lx[s]!, ly[s]!];
    if (on(rx[s]!, ry[s]!, t)) return [rx[s]!, ry[s]!];
  }
  const [x1, y1, x2, y2, x3, y3, x4, y4] = [lx[a]!, ly[a]!, rx[a]!, ry[a]!, lx[b]!, ly[b]!, rx[b]!, ry[b]!];
  const t = ((x4 - x3) * (y1 - y3) - (y4 - y3) * (x1 - x3)) / ((y4 - y3) * (x2 - x1) - (x4 - x3) * (y2 - y1));
  return [x1 + t * (x2 - x1), y1 + t * (y2 - y1)];
}
