import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { polygonLocator } from './polygon-locator.js';

const box = (x0: number, y0: number, x1: number, y1: number): Feature<Polygon> => ({
  type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
});
// A triangle whose bbox overlaps the square beside it.
const triangle: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [0, 2], [0, 0]]] } };

describe('polygonLocator', () => {
  it('returns the index of the polygon containing the point', () => {
    expect(polygonLocator([box(0, 0, 1, 1), box(1, 0, 2, 1)])(1.5, 0.5)).toBe(1);
  });
  it('tests the polygon itself, not only its bbox', () => {
    expect(polygonLocator([triangle, box(1.5, 1.5, 3, 3)])(1.6, 1.6)).toBe(1);
  });
  it('returns −1 for a point outside every polygon', () => {
    expect(polygonLocator([box(0, 0, 1, 1)])(5, 5)).toBe(-1);
  });
});

goldenFixtures('polygonLocator', (input: { features: Feature<Polygon>[]; properties: { points: [number, number][] } }) => {
  const locate = polygonLocator(input.features);
  return input.properties.points.map(([lon, lat]) => locate(lon, lat));
});
