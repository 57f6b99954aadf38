import { describe, expect, it } from 'vitest';
import { ringSegments } from './ring-segments.js';
import { sweepRingCrossing } from './sweep-ring-crossing.js';

describe('sweepRingCrossing', () => {
  it('finds the two diagonals of a bow-tie, and nothing in a square', () => {
    expect(sweepRingCrossing(ringSegments([[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]))).toEqual([0, 2]);
    expect(sweepRingCrossing(ringSegments([[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]))).toBeNull();
  });
  it('finds a corner where two edges end lying on an edge that runs on (the spike hides it from neighbour tests)', () => {
    expect(sweepRingCrossing(ringSegments([[[2, 0], [0, 5], [3, 5], [4, 0], [0, 0], [2, 0]]]))).toEqual([0, 3]);
  });
  it('finds a hole touching its outer ring from inside at one point of an edge', () => {
    expect(sweepRingCrossing(ringSegments([[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[5, 0], [6, 4], [4, 4], [5, 0]]]))).not.toBeNull();
  });
});
