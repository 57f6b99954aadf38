import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { wgs84ToGcj02 } from './wgs84-to-gcj02.js';

describe('wgs84ToGcj02', () => {
  it('matches the published reference value for Beijing (coordtransform README)', () => {
    expect(wgs84ToGcj02([116.404, 39.915])).toEqual([116.41024449916938, 39.91640428150164]);
  });
  it('returns a point outside China unchanged', () => {
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
  });
});

goldenFixtures('wgs84ToGcj02', (input: { points: [number, number][] }) => input.points.map((p) => wgs84ToGcj02(p)));
