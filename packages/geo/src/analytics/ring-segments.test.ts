import { describe, expect, it } from 'vitest';
import { ringSegments } from './ring-segments.js';

describe('ringSegments', () => {
  it('stores each edge left endpoint first and knows which edges are consecutive', () => {
    const s = ringSegments([[[2, 0], [0, 0], [0, 2], [2, 0]]]);
    expect(s.count).toBe(3);
    expect([s.lx[0], s.ly[0], s.rx[0], s.ry[0], s.forward[0]]).toEqual([0, 0, 2, 0, 0]);
    expect(Array.from(s.prev)).toEqual([2, 0, 1]);
    expect(s.conflict(0, 2)).toBe(false);
    expect(s.repeatedCorner).toBeNull();
  });
  it('merges repeated positions, drops rings of fewer than three corners, and finds a corner visited twice', () => {
    expect(ringSegments([[[0, 0], [1, 0], [1, 0], [1, 1], [0, 0], [0, 0]]]).count).toBe(3);
    expect(ringSegments([[[0, 0], [1, 0], [0, 0]]]).count).toBe(0);
    const eight = ringSegments([[[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1], [0, 0]]]);
    expect(eight.repeatedCorner).toEqual([1, 1]);
    expect(eight.conflict(1, 4)).toBe(true);
  });
});
