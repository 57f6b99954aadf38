import { domainDefaults } from '@riskmap/config';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { rankFireStations, type FireStationInput } from './rank-fire-stations.js';

const at: [number, number] = [115.8, 36.1];
const station = (code: string, lat: number, extra: Partial<FireStationInput> = {}) => ({
  type: 'Feature' as const, id: code, properties: { code, name: code, turnoutMinutes: 1, townshipCode: 'U', ...extra }, geometry: { type: 'Point' as const, coordinates: [at[0], lat] },
});
const fc = (...f: ReturnType<typeof station>[]): FeatureCollection<Point, FireStationInput> => ({ type: 'FeatureCollection', features: f });

describe('rankFireStations', () => {
  it('estimates arrival as turnout + metres × 1.3 at 30 km/h (1 km urban → 1 + 1300.98 / 500 = 3.6 min)', () => {
    const [s] = rankFireStations(at, fc(station('a', 36.109)), { urbanTownshipCodes: ['U'], fireStations: domainDefaults.fireStations });
    expect(s).toMatchObject({ distanceM: 1001, speedKmh: 30, turnoutMinutes: 1, etaMinutes: 3.6 });
  });

  it('drives at the rural speed (45 km/h) from a station outside the urban townships', () => {
    const [s] = rankFireStations(at, fc(station('a', 36.109, { townshipCode: 'R' })), { urbanTownshipCodes: ['U'], fireStations: domainDefaults.fireStations });
    expect([s!.speedKmh, s!.etaMinutes]).toEqual([45, 2.7]);
  });

  it('ranks by arrival, not distance: a nearer station with a long turnout comes second', () => {
    const r = rankFireStations(at, fc(station('near-slow', 36.101, { turnoutMinutes: 6 }), station('far-quick', 36.118)), { fireStations: domainDefaults.fireStations });
    expect(r.map((s) => s.id)).toEqual(['far-quick', 'near-slow']);
  });

  it('uses the configured turnout when a station has none', () => {
    expect(rankFireStations(at, fc(station('a', 36.1, { turnoutMinutes: null })), { fireStations: domainDefaults.fireStations })[0]!.turnoutMinutes).toBe(1);
  });

  it('keeps only the first `limit` stations', () => {
    expect(rankFireStations(at, fc(station('a', 36.11), station('b', 36.12), station('c', 36.13)), { limit: 2, fireStations: domainDefaults.fireStations })).toHaveLength(2);
  });
});
