import { describe, expect, it } from 'vitest';
import { clipRingToConvex, ringAreaXY } from './clip-ring-to-convex.js';

const square: [number, number][] = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]];

describe('clipRingToConvex', () => {
  it('keeps the overlap of two squares (area 1)', () => {
    expect(ringAreaXY(clipRingToConvex(square, [[1, 1], [3, 1], [3, 3], [1, 3]])!)).toBe(1);
  });
  it('returns null when the ring lies outside the clip polygon', () => {
    expect(clipRingToConvex(square, [[5, 5], [6, 5], [6, 6], [5, 6]])).toBeNull();
  });
  it('keeps the right area when a concave ring is cut in two (U shape, area 2 inside)', () => {
    const u: [number, number][] = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]];
    expect(ringAreaXY(clipRingToConvex(u, [[0, 2], [3, 2], [3, 3], [0, 3]])!)).toBe(2);
  });
  it('returns a closed ring', () => {
    const ring = clipRingToConvex(square, [[1, 1], [3, 1], [3, 3], [1, 3]])!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
  });
});
