import { describe, expect, it } from 'vitest';
import { pointInRings } from './point-in-rings.js';

const outer: [number, number][] = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
const hole: [number, number][] = [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]];

describe('pointInRings', () => {
  it('finds a point inside a ring', () => {
    expect(pointInRings(0.5, 0.5, [outer, hole])).toBe(true);
  });
  it('excludes a point inside a hole', () => {
    expect(pointInRings(2, 2, [outer, hole])).toBe(false);
  });
  it('excludes a point outside', () => {
    expect(pointInRings(5, 2, [outer])).toBe(false);
  });
});
