import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { bd09ToWgs84 } from './bd09-to-wgs84.js';
import { wgs84ToBd09 } from './wgs84-to-bd09.js';

describe('bd09ToWgs84', () => {
  it('inverts the Beijing reference value to within 1 mm', () => {
    expect(turf.distance(bd09ToWgs84([116.41662724378733, 39.922699552216216]), [116.404, 39.915], { units: 'meters' })).toBeLessThan(0.001);
  });
  it('round-trips points across China with an error below 1 m', () => {
    let worstM = 0;
    for (let lon = 74; lon <= 134; lon += 3) for (let lat = 18; lat <= 53; lat += 2.5) {
      worstM = Math.max(worstM, turf.distance(bd09ToWgs84(wgs84ToBd09([lon, lat])), [lon, lat], { units: 'meters' }));
    }
    expect(worstM).toBeLessThan(1);
  });
  it('returns a point outside China unchanged', () => {
    expect(bd09ToWgs84([151.2, -33.9])).toEqual([151.2, -33.9]);
  });
});

goldenFixtures('bd09ToWgs84', (input: { points: [number, number][] }) => input.points.map((p) => bd09ToWgs84(p)));
