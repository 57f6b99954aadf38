import { describe, expect, it } from 'vitest';
import type { Impact } from './types.js';
import { formatDistance, impactRequest, stockText, summarize, zoneColour, zonesBounds } from './incident-logic.js';
import { scoped } from '../i18n/index.js';

const impact = (over: Partial<Impact> = {}): Impact =>
  ({
    scenario: { type: 'fire', location: [115.9, 36.2], sourceId: null, radiiM: [100], windFromDeg: null, windSpeedMs: null, shape: 'circle' },
    zones: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[115.8, 36.1], [116, 36.1], [116, 36.3], [115.8, 36.1]]] }, properties: {} as never }] },
    population: 1000, evacuees: 600, villages: [],
    riskPoints: [{ id: 1, name: 'a', level: 1, zone: 'severe', distanceM: 10, enterprise: null }, { id: 2, name: 'b', level: 3, zone: 'severe', distanceM: 20, enterprise: null }],
    hazardSources: [{ id: 3, name: 'h', zone: 'evacuate', distanceM: 30, grade: 2, isMajor: true, substances: [] }],
    unsafeShelters: [], safeShelters: [{ id: 9, name: 's', distanceM: 900, capacity: 1000, allocated: 400, remainingCapacity: 600, lonLat: [0, 0], shelterClass: null }],
    unsuitableShelters: 0,
    allocations: [{ villageId: 1, shelterId: 9, people: 400, distanceM: 900, villageName: 'v', shelterName: 's' }],
    unplaced: 200, unplacedWithoutLocation: 200,
    fireStations: [{ id: 5, name: 'f', etaMinutes: 4.2, distanceM: 2000, stationType: null, vehicles: 2 }],
    warehouses: [], allocationLines: { type: 'FeatureCollection', features: [] }, timeMs: 12,
    ...over,
  }) as Impact;

describe('impactRequest', () => {
  it('sends a hazard source by id and lets the API infer the type', () => {
    expect(impactRequest({ kind: 'source', id: 4, name: 'x', lonLat: [1, 2] }, { type: null, windFromDeg: null, windSpeedMs: 2 })).toEqual({ hazardSourceId: 4 });
  });
  it('sends a point with a type (falling back to fire) and the wind only when a direction is chosen', () => {
    expect(impactRequest({ kind: 'point', lonLat: [1, 2] }, { type: null, windFromDeg: 270, windSpeedMs: 3 })).toEqual({ location: [1, 2], type: 'fire', windFromDeg: 270, windSpeedMs: 3 });
  });
});

describe('summarize', () => {
  it('adds up the placed people, the domino risks and the major ones, and takes the first ETA', () => {
    expect(summarize(impact())).toMatchObject({ placed: 400, unplaced: 200, dominoRisks: 3, dominoMajor: 2, firstEtaMinutes: 4.2, safeRemaining: 600 });
  });
});

describe('zonesBounds', () => {
  it('frames every zone vertex', () => expect(zonesBounds(impact())).toEqual([115.8, 36.1, 116, 36.3]));
  it('is null without zones', () => expect(zonesBounds(impact({ zones: { type: 'FeatureCollection', features: [] } }))).toBeNull());
});

describe('formatting', () => {
  it('writes metres below 1 km and kilometres above', () => {
    expect([formatDistance(850.4), formatDistance(2345), formatDistance(12_600)]).toEqual(['850 m', '2.3 km', '13 km']);
  });
  it('marks stock below its minimum and cuts long lists', () => {
    const stock = [{ item: '帐篷', unit: '顶', quantity: 40, minimum: 50, belowMinimum: true }, { item: '水', unit: '箱', quantity: 5, minimum: 1, belowMinimum: false }];
    expect(stockText(stock, '低于下限', 1)).toBe('帐篷 40顶 (低于下限) …');
    // The printed brief says how many items it left out.
    expect(stockText(stock, '低于下限', 1, '另有 {n} 项')).toBe(`帐篷 40顶 (低于下限)、另有 ${stock.length - 1} 项`);
  });
  it('colours zones from the inside out and repeats the last colour', () => expect(zoneColour(9)).toBe(zoneColour(3)));
  it('speaks Chinese first and English on request, with unknown zone names shown as given', () => {
    expect(scoped('zh-CN', 'incident')('zone.evacuate')).toBe('疏散区');
    expect(scoped('en', 'incident')('zone.evacuate')).toBe('Evacuate');
    expect(scoped('zh-CN', 'incident')('zone.outer')).toBe('outer');
  });
});
