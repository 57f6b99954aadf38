import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { goldenFixtures } from '../../test/golden.js';
import { distanceToPolygonM } from './distance-to-polygon-m.js';

const square = turf.bboxPolygon([115.7, 36.0, 115.9, 36.2]);

describe('distanceToPolygonM', () => {
  it('is 0 inside the polygon', () => {
    expect(distanceToPolygonM(square)(115.8, 36.1)).toBe(0);
  });
  it('measures 0.1° north of the edge as 11,120 m', () => {
    expect(Math.round(distanceToPolygonM(square)(115.8, 36.3))).toBe(11_120);
  });
  it('agrees with turf.pointToPolygonDistance within 0.5 % or 10 m (turf bends 20 km edges along great circles) for 300 points', () => {
    const concave = turf.polygon([[[115.7, 36.0], [115.9, 36.0], [115.9, 36.2], [115.8, 36.05], [115.7, 36.2], [115.7, 36.0]]]);
    const distance = distanceToPolygonM(concave);
    let seed = 3;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    let worst = 0;
    for (let i = 0; i < 300; i++) {
      const p: [number, number] = [115.6 + rnd() * 0.4, 35.9 + rnd() * 0.4];
      const expected = Math.max(0, turf.pointToPolygonDistance(p, concave, { units: 'meters' }));
      worst = Math.max(worst, Math.abs(distance(p[0], p[1]) - expected) / Math.max(0.005 * expected, 10));
    }
    expect(worst).toBeLessThan(1);
  });
  it('measures to the nearest corner diagonally (turf.distance to the corner)', () => {
    expect(distanceToPolygonM(square)(116.0, 36.3)).toBeCloseTo(turf.distance([116.0, 36.3], [115.9, 36.2], { units: 'meters' }), -1);
  });
});

goldenFixtures('distanceToPolygonM', (input: Feature<Polygon, { points: [number, number][] }>) => {
  const distance = distanceToPolygonM(input);
  return input.properties.points.map(([lon, lat]) => Math.round(distance(lon, lat) * 10) / 10);
});
