import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { localMetricProjection } from './local-metric-projection.js';

describe('localMetricProjection', () => {
  const p = localMetricProjection(115.9, 36.1);
  it('maps the origin to [0, 0]', () => {
    expect(p.toXY(115.9, 36.1)).toEqual([0, 0]);
  });
  it('measures 1 km east at the origin latitude as 1 km on the ground (±0.1 %)', () => {
    const [lon, lat] = p.toLonLat(1000, 0);
    expect(turf.distance([115.9, 36.1], [lon, lat], { units: 'meters' }) / 1000).toBeCloseTo(1, 3);
  });
  it('round-trips metres to lon/lat and back', () => {
    const [lon, lat] = p.toLonLat(1234.5, -678.9);
    const [x, y] = p.toXY(lon, lat);
    expect([x, y].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([1234.5, -678.9]);
  });
});

goldenFixtures('localMetricProjection', (input: { origin: [number, number]; points: [number, number][] }) => {
  const projection = localMetricProjection(input.origin[0], input.origin[1]);
  return input.points.map(([lon, lat]) => projection.toXY(lon, lat).map((v) => Math.round(v * 1000) / 1000));
});
