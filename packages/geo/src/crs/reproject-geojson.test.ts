import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { coordinatesLookProjected } from './coordinates-look-projected.js';
import { reprojectGeoJson } from './reproject-geojson.js';

describe('reprojectGeoJson', () => {
  it('turns surveyed GK zone 39 metres into lon/lat and keeps properties', () => {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '示例' }, geometry: { type: 'Point', coordinates: [39390150.7063332, 3998437.56992603] } }] };
    const out = reprojectGeoJson(fc, 'EPSG:4527', 'EPSG:4326');
    const [lon, lat] = (out.features[0]!.geometry as { coordinates: number[] }).coordinates;
    expect([lon!.toFixed(7), lat!.toFixed(7), out.features[0]!.properties]).toEqual(['115.7800000', '36.1100000', { name: '示例' }]);
    expect(coordinatesLookProjected(fc)).toBe(true);
    expect(coordinatesLookProjected(out)).toBe(false);
  });
});

goldenFixtures('reprojectGeoJson', (input: FeatureCollection & { properties: { from: string; to: string } }) =>
  reprojectGeoJson(input, input.properties.from, input.properties.to),
);
