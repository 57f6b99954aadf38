import { describe, expect, it } from 'vitest';
import { riskPointLonLat } from './risk-point-lon-lat.js';

describe('riskPointLonLat', () => {
  it('returns a point’s coordinates', () => {
    expect(riskPointLonLat({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [115.8, 36.1] } })).toEqual([115.8, 36.1]);
  });
  it('returns the middle of a polygon’s bbox', () => {
    const geometry = { type: 'Polygon' as const, coordinates: [[[115, 36], [116, 36], [116, 37], [115, 36]]] };
    expect(riskPointLonLat({ type: 'Feature', properties: {}, geometry })).toEqual([115.5, 36.5]);
  });
  it('returns null without geometry', () => {
    expect(riskPointLonLat({ type: 'Feature', properties: {}, geometry: null })).toBeNull();
  });
});
