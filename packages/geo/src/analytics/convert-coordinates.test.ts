import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { convertCoordinates } from './convert-coordinates.js';

const point: Feature<Point> = { type: 'Feature', properties: { name: '天安门' }, geometry: { type: 'Point', coordinates: [116.404, 39.915, 44] } };

describe('convertCoordinates', () => {
  it('converts a feature from WGS84 to GCJ-02 and keeps the altitude and properties', () => {
    expect(convertCoordinates(point, 'wgs84', 'gcj02')).toEqual({ ...point, geometry: { type: 'Point', coordinates: [116.41024449916938, 39.91640428150164, 44] } });
  });
  it('converts every vertex of a line in a collection and drops the stale bbox', () => {
    const line: FeatureCollection<LineString> = { type: 'FeatureCollection', bbox: [0, 0, 1, 1], features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[116.404, 39.915], [116.404, 39.915]] } }] };
    const out = convertCoordinates(line, 'wgs84', 'bd09');
    expect([out.bbox, out.features[0]!.geometry.coordinates]).toEqual([undefined, [[116.41662724378733, 39.922699552216216], [116.41662724378733, 39.922699552216216]]]);
  });
  it('leaves the input untouched', () => {
    convertCoordinates(point, 'wgs84', 'gcj02');
    expect(point.geometry.coordinates).toEqual([116.404, 39.915, 44]);
  });
  it('rejects an unknown system naming the field', () => {
    expect(() => convertCoordinates(point, 'cgcs' as 'wgs84', 'gcj02')).toThrow(expect.objectContaining({ field: 'from' }));
  });
});

goldenFixtures('convertCoordinates', (input: { properties: { from: 'wgs84' | 'gcj02' | 'bd09'; to: 'wgs84' | 'gcj02' | 'bd09' } } & FeatureCollection) =>
  convertCoordinates(input, input.properties.from, input.properties.to),
);
