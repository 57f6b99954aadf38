import { describe, expect, it } from 'vitest';
import { crsInfo } from './crs-info.js';
import { listCrs } from './list-crs.js';

describe('crsInfo', () => {
  it('reads every usual notation of the same CRS', () => {
    for (const s of ['EPSG:4548', '4548', 'epsg:4548', 'urn:ogc:def:crs:EPSG::4548', 'http://www.opengis.net/def/crs/EPSG/0/4548']) expect(crsInfo(s).code).toBe('EPSG:4548');
    for (const s of ['CRS84', 'http://www.opengis.net/def/crs/OGC/1.3/CRS84', 'urn:ogc:def:crs:OGC:1.3:CRS84']) expect(crsInfo(s).code).toBe('OGC:CRS84');
    expect([crsInfo('wgs84').code, crsInfo('CGCS2000').code, crsInfo('GCJ-02').code, crsInfo('bd09').code]).toEqual(['EPSG:4326', 'EPSG:4490', 'gcj02', 'bd09']);
  });
  it('knows the zones that cover Yanggu (3° zone 39 / CM 117°E, 6° zone 20 / CM 117°E)', () => {
    expect(crsInfo('EPSG:4527').gaussKruger).toEqual({ centralMeridian: 117, width: 3, zone: 39, falseEastingM: 39_500_000 });
    expect(crsInfo('EPSG:4548').gaussKruger).toEqual({ centralMeridian: 117, width: 3, zone: null, falseEastingM: 500_000 });
    expect(crsInfo('EPSG:4498').gaussKruger).toEqual({ centralMeridian: 117, width: 6, zone: 20, falseEastingM: 20_500_000 });
    expect(crsInfo('EPSG:4509').gaussKruger).toEqual({ centralMeridian: 117, width: 6, zone: null, falseEastingM: 500_000 });
  });
  it('lists the 64 CGCS2000 Gauss-Krüger CRSs EPSG:4491–4554 and six others', () => {
    const codes = listCrs().map((c) => c.code);
    expect(codes.filter((c) => /^EPSG:45\d\d$|^EPSG:449\d$/.test(c) && Number(c.slice(5)) >= 4491)).toHaveLength(64);
    expect(codes).toHaveLength(70);
    expect(new Set(codes).size).toBe(70);
  });
  it('refuses what it does not convert, naming the field', () => {
    expect(() => crsInfo('EPSG:2385', 'crs')).toThrow(expect.objectContaining({ field: 'crs', message: expect.stringContaining('EPSG:2385') }));
    expect(() => crsInfo('nonsense')).toThrow(/unsupported/);
  });
});
