import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crsTransformer } from './crs-transformer.js';

const reference = JSON.parse(readFileSync(join(__dirname, '../../test/fixtures/crsTransformer/gdal-reference.json'), 'utf8')) as {
  points: Array<Record<string, [number, number]> & { lonlat: [number, number] }>;
};
const codes = Object.keys(reference.points[0]!).filter((k) => k.startsWith('EPSG:'));

describe('crsTransformer', () => {
  for (const code of codes) {
    it(`agrees with GDAL to < 1 mm from WGS84 to ${code} and back`, () => {
      const fwd = crsTransformer('EPSG:4326', code);
      const inv = crsTransformer(code, 'EPSG:4326');
      for (const p of reference.points) {
        const [x, y] = fwd(p.lonlat);
        const metres = code === 'EPSG:4490' ? 111_000 : 1;
        expect(Math.hypot(x! - p[code]![0], y! - p[code]![1]) * metres).toBeLessThan(0.001);
        const [lon, lat] = inv(p[code]!);
        expect(Math.hypot((lon! - p.lonlat[0]) * 90_000, (lat! - p.lonlat[1]) * 111_000)).toBeLessThan(0.001);
      }
    });
  }
  it('swaps to the authority axis order on request (EPSG:4326 lat/lon, GK northing/easting)', () => {
    expect(crsTransformer('OGC:CRS84', 'EPSG:4326', { toAxes: 'authority' })([115.78, 36.11])).toEqual([36.11, 115.78]);
    const [n, e] = crsTransformer('EPSG:4326', 'EPSG:4548', { toAxes: 'authority' })([115.78, 36.11]);
    expect([Math.round(n!), Math.round(e!)]).toEqual([3998438, 390151]);
    const [x, y] = crsTransformer('OGC:CRS84', 'EPSG:3857', { toAxes: 'authority' })([1, 0]);
    expect([Math.round(x!), Math.abs(Math.round(y!))]).toEqual([111319, 0]);
  });
  it('keeps an altitude', () => {
    expect(crsTransformer('EPSG:4548', 'EPSG:4548')([1, 2, 3])).toEqual([1, 2, 3]);
    expect(crsTransformer('EPSG:4548', 'EPSG:4490')([500000, 3985542.67029625, 44])[2]).toBe(44);
  });
  it('converts GK metres to GCJ-02 through WGS84', () => {
    const [lon, lat] = crsTransformer('EPSG:4548', 'gcj02')([390150.70633318, 3998437.56992603]);
    const [wlon, wlat] = crsTransformer('gcj02', 'EPSG:4326')([lon!, lat!]);
    expect(Math.abs(wlon! - 115.78) + Math.abs(wlat! - 36.11)).toBeLessThan(1e-6);
    expect(Math.abs(lon! - 115.78)).toBeGreaterThan(1e-4);
  });
  it('refuses an unknown CRS naming the side', () => {
    expect(() => crsTransformer('EPSG:2000', 'EPSG:4326')).toThrow(expect.objectContaining({ field: 'from' }));
    expect(() => crsTransformer('EPSG:4326', 'EPSG:32650')).toThrow(expect.objectContaining({ field: 'to' }));
  });
});
