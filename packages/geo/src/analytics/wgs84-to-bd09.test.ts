import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { wgs84ToBd09 } from './wgs84-to-bd09.js';

describe('wgs84ToBd09', () => {
  it('matches the published reference value for Beijing (coordtransform)', () => {
    expect(wgs84ToBd09([116.404, 39.915])).toEqual([116.41662724378733, 39.922699552216216]);
  });
  it('returns a point outside China unchanged', () => {
    expect(wgs84ToBd09([-74, 40.7])).toEqual([-74, 40.7]);
  });
});

goldenFixtures('wgs84ToBd09', (input: { points: [number, number][] }) => input.points.map((p) => wgs84ToBd09(p)));
