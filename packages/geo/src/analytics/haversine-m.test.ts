import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { haversineM } from './haversine-m.js';

describe('haversineM', () => {
  it('measures 0.01° of latitude as 1,111.95 m', () => {
    expect(haversineM(115.8, 36.1, 115.8, 36.11)).toBeCloseTo(1111.95, 2);
  });
  it('agrees with turf.distance in metres', () => {
    expect(haversineM(115.7, 36.0, 116.1, 36.3)).toBeCloseTo(turf.distance([115.7, 36.0], [116.1, 36.3], { units: 'meters' }), 6);
  });
});

goldenFixtures('haversineM', (input: { pairs: [[number, number], [number, number]][] }) => input.pairs.map(([a, b]) => Math.round(haversineM(a[0], a[1], b[0], b[1]) * 1000) / 1000));
