import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { gcj02ToWgs84 } from './gcj02-to-wgs84.js';
import { wgs84ToGcj02 } from './wgs84-to-gcj02.js';

describe('gcj02ToWgs84', () => {
  it('inverts the Beijing reference value to within 1 mm', () => {
    expect(turf.distance(gcj02ToWgs84([116.41024449916938, 39.91640428150164]), [116.404, 39.915], { units: 'meters' })).toBeLessThan(0.001);
  });
  it('round-trips points across China with an error below 1 m', () => {
    let worstM = 0;
    for (let lon = 74; lon <= 134; lon += 3) for (let lat = 18; lat <= 53; lat += 2.5) {
      worstM = Math.max(worstM, turf.distance(gcj02ToWgs84(wgs84ToGcj02([lon, lat])), [lon, lat], { units: 'meters' }));
    }
    expect(worstM).toBeLessThan(1);
  });
  it('moves Yanggu by the expected few hundred metres (50–700 m)', () => {
    const m = turf.distance(gcj02ToWgs84([115.79, 36.11]), [115.79, 36.11], { units: 'meters' });
    expect(m > 50 && m < 700).toBe(true);
  });
  it('returns a point outside China unchanged', () => {
    expect(gcj02ToWgs84([139.7, 35.7])).toEqual([139.7, 35.7]);
  });
});

goldenFixtures('gcj02ToWgs84', (input: { points: [number, number][] }) => input.points.map((p) => gcj02ToWgs84(p)));
