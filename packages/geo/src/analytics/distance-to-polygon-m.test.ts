import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { distanceToPolygonM } from './distance-to-polygon-m.js';

const square = turf.bboxPolygon([115.7, 36.0, 115.9, 36.2]);

describe('distanceToPolygonM', () => {
  it('is 0 inside the polygon', () => {
    expect(distanceToPolygonM(square)(115.8, 36.1)).toBe(0);
  });
  it('measures 0.1° north of the edge as 11,120 m', () => {
    expect(Math.round(distanceToPolygonM(square)(115.8, 36.3))).toBe(11_120);
  });
  it('measures to the nearest corner diagonally (turf.distance to the corner)', () => {
    expect(distanceToPolygonM(square)(116.0, 36.3)).toBeCloseTo(turf.distance([116.0, 36.3], [115.9, 36.2], { units: 'meters' }), -1);
  });
});
