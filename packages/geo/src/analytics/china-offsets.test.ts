import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { bd09Forward, invertTransform, outsideChina } from './china-offsets.js';

describe('china-offsets', () => {
  it('gcj02 → bd09 matches the published reference value', () => {
    const [lon, lat] = bd09Forward(116.404, 39.915);
    expect([lon, lat].map((v) => v.toFixed(12))).toEqual(['116.410369493710', '39.921336993510']);
  });
  it('treats Tokyo as outside China and Yanggu as inside', () => {
    expect([outsideChina(139.7, 35.7), outsideChina(115.8, 36.1)]).toEqual([true, false]);
  });
  it('inverts a small offset by iteration', () => {
    const [x, y] = invertTransform((x, y) => [x + 0.01 * Math.sin(y), y + 0.005], 3, 8);
    expect([x.toFixed(9), y.toFixed(9)]).toEqual([(3 - 0.01 * Math.sin(7.995)).toFixed(9), '7.995000000']);
  });
});

goldenFixtures('outsideChina', (input: { points: [number, number][] }) => input.points.map(([lon, lat]) => outsideChina(lon, lat)));
