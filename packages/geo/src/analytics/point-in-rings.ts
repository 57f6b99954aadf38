import type { XY } from './clip-ring-to-convex.js';

/**
 * Even–odd point-in-polygon test over any set of closed planar rings (outer rings and holes of
 * one or many polygons together), x/y in any planar unit.
 * @example pointInRings(1, 1, [[[0,0],[2,0],[2,2],[0,2],[0,0]]]) // → true
 */
export function pointInRings(x: number, y: number, rings: readonly (readonly XY[])[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
