import { describe, expect, it } from 'vitest';
import { countRingCrossings } from './count-ring-crossings.js';
import { ringSegments } from './ring-segments.js';

describe('countRingCrossings', () => {
  const pentagram = ringSegments([[[0, 3], [2, -3], [-3, 1], [3, 1], [-2, -3], [0, 3]]]);
  it('counts the five crossings of a pentagram', () => {
    expect(countRingCrossings(pentagram, { maxCount: 100, maxTests: 1000 })).toEqual({ count: 5, complete: true });
  });
  it('stops at the count limit or the test budget and says it is incomplete', () => {
    expect(countRingCrossings(pentagram, { maxCount: 2, maxTests: 1000 })).toEqual({ count: 2, complete: false });
    expect(countRingCrossings(pentagram, { maxCount: 100, maxTests: 1 }).complete).toBe(false);
  });
});
