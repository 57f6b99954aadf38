import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import type { ShelterProps } from '../api/types.js';
import { normalizeNearest } from '../api/normalize.js';
import { amapUrl, formatDistance, geoUri } from './nav-links.js';
import { nearestShelters } from './nearest.js';
import { searchPlaces, type Place } from './place-search.js';

const shelter = (name: string, lon: number, status: string, isPublic = true): Feature<Point, ShelterProps> =>
  ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, 36] }, properties: { name, code: name, status, isPublic, capacity: 100, shelterClass: 'emergency', facilities: [] } }) as unknown as Feature<Point, ShelterProps>;

describe('nearestShelters', () => {
  const opts = { k: 2, usableStatuses: ['built', 'open'], walkingSpeedMPerMin: 50 };
  it('returns the k nearest usable public shelters sorted by distance', () => {
    const rows = nearestShelters([shelter('far', 115.9, 'open'), shelter('near', 115.801, 'built'), shelter('mid', 115.81, 'open')], [115.8, 36], opts);
    expect(rows.map((r) => r.name)).toEqual(['near', 'mid']);
  });
  it('skips planned, closed and non-public shelters', () => {
    const rows = nearestShelters([shelter('planned', 115.8, 'planned'), shelter('closed', 115.8, 'closed'), shelter('private', 115.8, 'open', false), shelter('ok', 115.9, 'open')], [115.8, 36], opts);
    expect(rows.map((r) => r.name)).toEqual(['ok']);
  });
  it('gives walking minutes from the walking speed', () => {
    const [r] = nearestShelters([shelter('a', 115.81, 'open')], [115.8, 36], opts);
    expect(r!.walkingMinutes).toBe(Math.round(r!.distanceM / 50));
  });
});

describe('navigation links', () => {
  it('builds a geo: URI with lat,lon and a label', () => expect(geoUri(36.1, 115.7, 'A')).toBe('geo:36.100000,115.700000?q=36.100000,115.700000(A)'));
  it('tells Amap the coordinates are WGS84', () => expect(amapUrl(36.1, 115.7, 'A')).toContain('coordinate=wgs84'));
  it('formats metres below 1 km and kilometres above', () => {
    expect(formatDistance(567.5, { metres: 'm', km: 'km' })).toBe('570 m');
    expect(formatDistance(1234, { metres: 'm', km: 'km' })).toBe('1.2 km');
  });
});

describe('searchPlaces', () => {
  const places: Place[] = [
    { name: '阿城村', kind: 'village', lon: 0, lat: 0 },
    { name: '阿城镇', kind: 'township', lon: 0, lat: 0 },
    { name: '东阿城', kind: 'village', lon: 0, lat: 0 },
  ];
  it('puts prefix matches and townships first', () => expect(searchPlaces('阿城', places).map((p) => p.name)).toEqual(['阿城镇', '阿城村', '东阿城']));
  it('returns nothing for an empty query', () => expect(searchPlaces('  ', places)).toEqual([]));
});

describe('normalizeNearest', () => {
  it('accepts the API shape with lonLat, walkMinutes and farFromCounty', () => {
    const shelter = { code: 'S1', name: 'A', lonLat: [115.7, 36.1] as [number, number], distanceM: 500, walkMinutes: 10.2, capacity: 5, shelterClass: 'emergency', status: 'open', facilities: [], effectiveAreaM2: 900, address: null, access: null, updatedAt: null };
    const r = normalizeNearest({ query: [115.7, 36.1], distanceToCountyM: 12_000, farFromCounty: true, notOpenIncluded: false, shelters: [shelter] });
    expect(r).toMatchObject({ outsideCounty: true, shelters: [{ id: 'S1', lon: 115.7, lat: 36.1, walkingMinutes: 10 }] });
  });
  it('gives null for no answer', () => expect(normalizeNearest(null)).toBeNull());
});
