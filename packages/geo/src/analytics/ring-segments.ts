import type { Position } from 'geojson';
import { segmentsTouch } from './segments-touch.js';

/**
 * The edges of a set of rings, each stored left endpoint first (smaller x, then smaller y), with
 * what a crossing test needs: which edges are neighbours along a ring, and a repeated corner.
 */
export interface RingSegments {
  count: number;
  lx: Float64Array; ly: Float64Array; rx: Float64Array; ry: Float64Array;
  /** the ring an edge belongs to, its place in that ring, and the ring's edge count */
  ring: Int32Array; index: Int32Array; size: Int32Array;
  /** the edge before this one along its ring, and whether this one runs from left to right */
  prev: Int32Array; forward: Uint8Array;
  /** edge ids ordered by the corner each starts from (along its ring), by x then y */
  cornerOrder: Int32Array;
  /** a corner some ring passes through twice (or two rings share), if any */
  repeatedCorner: [number, number] | null;
  /** edges a and b of different places share a point, and are not consecutive edges of one ring */
  conflict(a: number, b: number): boolean;
}

/**
 * Edges of closed rings (first position repeated last, or not): consecutive equal positions are
 * merged, so a repeated point is no corner of its own; rings left with fewer than three corners
 * add no edges. Finds a corner visited twice by sorting the corners.
 * @example ringSegments([[[0,0],[1,0],[1,1],[0,0]]]).count // → 3
 */
export function ringSegments(rings: readonly (readonly Position[])[]): RingSegments {
  const corners: Position[][] = [];
  for (const ring of rings) {
    const kept: Position[] = [];
    for (const p of ring) {
      const last = kept[kept.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) kept.push(p);
    }
    while (kept.length > 1 && kept[0]![0] === kept[kept.length - 1]![0] && kept[0]![1] === kept[kept.length - 1]![1]) kept.pop();
    if (kept.length >= 3) corners.push(kept);
  }
  const count = corners.reduce((n, c) => n + c.length, 0);
  const lx = new Float64Array(count), ly = new Float64Array(count), rx = new Float64Array(count), ry = new Float64Array(count);
  const ring = new Int32Array(count), index = new Int32Array(count), size = new Int32Array(count);
  const prev = new Int32Array(count), forward = new Uint8Array(count);
  const vx = new Float64Array(count), vy = new Float64Array(count);
  let id = 0;
  corners.forEach((c, r) => {
    const m = c.length;
    const first = id;
    for (let j = 0; j < m; j++, id++) {
      const [ax, ay] = c[j] as [number, number];
      const [bx, by] = c[(j + 1) % m] as [number, number];
      const ltr = ax < bx || (ax === bx && ay < by);
      vx[id] = ax; vy[id] = ay;
      lx[id] = ltr ? ax : bx; ly[id] = ltr ? ay : by; rx[id] = ltr ? bx : ax; ry[id] = ltr ? by : ay;
      ring[id] = r; index[id] = j; size[id] = m; forward[id] = ltr ? 1 : 0;
      prev[id] = first + (j + m - 1) % m;
    }
  });
  const cornerOrder = Int32Array.from({ length: count }, (_, i) => i).sort((a, b) => vx[a]! - vx[b]! || vy[a]! - vy[b]!);
  let repeatedCorner: [number, number] | null = null;
  for (let k = 1; k < count && !repeatedCorner; k++) {
    const [a, b] = [cornerOrder[k - 1]!, cornerOrder[k]!];
    if (vx[a] === vx[b] && vy[a] === vy[b]) repeatedCorner = [vx[a]!, vy[a]!];
  }
  const conflict = (a: number, b: number): boolean => {
    if (a === b) return false;
    if (ring[a] === ring[b]) {
      const d = Math.abs(index[a]! - index[b]!);
      if (d === 1 || d === size[a]! - 1) return false;
    }
    return segmentsTouch(lx[a]!, ly[a]!, rx[a]!, ry[a]!, lx[b]!, ly[b]!, rx[b]!, ry[b]!);
  };
  return { count, lx, ly, rx, ry, ring, index, size, prev, forward, cornerOrder, repeatedCorner, conflict };
}
