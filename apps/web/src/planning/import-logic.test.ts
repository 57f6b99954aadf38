import { describe, expect, it } from 'vitest';
import { canCommit, formatOf, mappingKey, rememberMapping, rememberedMapping, shownValue, type ImportReport } from './import-logic.js';
import { checkNewUser } from '../admin/users-logic.js';

function memory(): Pick<Storage, 'getItem' | 'setItem'> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

describe('import screen logic', () => {
  it('knows the formats by extension, GeoPackage and KML/KMZ included', () => {
    expect(['a.gpkg', 'a.kml', 'a.kmz', 'a.zip', 'a.csv', 'a.doc'].map(formatOf)).toEqual(['geopackage', 'kml', 'kmz', 'shapefile', 'csv', null]);
  });

  it('remembers a mapping per layer and set of headings, whatever their order', () => {
    const s = memory();
    rememberMapping('shelters', ['种类', '名称'], { 种类: 'shelterClass' }, s);
    expect(rememberedMapping('shelters', ['名称', '种类'], s)).toEqual({ 种类: 'shelterClass' });
    expect(rememberedMapping('fire-stations', ['名称', '种类'], s)).toEqual({});
    expect(mappingKey('a', ['x', 'y'])).toBe(mappingKey('a', ['y', 'x']));
  });

  it('commits only a clean dry run that changes something', () => {
    const base: ImportReport = { dryRun: true, layer: 'shelters', format: 'csv', crs: 'wgs84', rows: 2, valid: 2, invalidRows: 0, warnings: [] };
    expect(canCommit(base)).toBe(true);
    expect(canCommit({ ...base, invalidRows: 1 })).toBe(false);
    expect(canCommit({ ...base, changes: { created: 0, updated: 0, unchanged: 2, updatedRows: [] } })).toBe(false);
    expect(shownValue(null)).toBe('—');
    expect(shownValue({ a: 1 })).toBe('{"a":1}');
  });

  it('checks a new user before sending it', () => {
    expect(checkNewUser({ username: 'li si', password: 'short' })).toEqual({ username: 'admin.users.error.username', password: 'admin.users.error.password' });
    expect(checkNewUser({ username: 'lisi', password: 'long enough' })).toEqual({});
  });
});
