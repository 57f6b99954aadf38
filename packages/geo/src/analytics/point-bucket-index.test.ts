import { describe, expect, it } from 'vitest';
import { pointBucketIndex } from './point-bucket-index.js';

const points: [number, number][] = [[115.8, 36.1], [115.801, 36.1], [115.83, 36.1]];

describe('pointBucketIndex', () => {
  it('visits the points in the query’s own bucket at ring 0', () => {
    const seen: number[] = [];
    pointBucketIndex(points, 500).visitRing(115.8, 36.1, 0, (i) => seen.push(i));
    expect(seen.sort()).toEqual([0, 1]);
  });
  it('visits a point 2.7 km east at ring 5 of 500 m buckets, not before', () => {
    const index = pointBucketIndex(points, 500);
    const ringOf2 = [0, 1, 2, 3, 4, 5, 6].filter((ring) => { let hit = false; index.visitRing(115.8, 36.1, ring, (i) => { hit ||= i === 2; }); return hit; });
    expect(ringOf2).toEqual([5]);
  });
  it('reports no more rings past the grid', () => {
    expect(pointBucketIndex(points, 500).visitRing(115.8, 36.1, 99, () => {})).toBe(false);
  });
});
