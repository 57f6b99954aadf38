import { domainDefaults } from '@riskmap/config';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { incidentZones } from './incident-zones.js';
import { rankWarehouses, type WarehouseInput } from './rank-warehouses.js';

const at: [number, number] = [115.8, 36.1];
const warehouse = (code: string, lat: number, quantity = 10) => ({
  type: 'Feature' as const, id: code, properties: { code, name: code, level: 'county', stock: [{ item: '帐篷', unit: '顶', quantity, minimum: 20 }] },
  geometry: { type: 'Point' as const, coordinates: [at[0], lat] },
});
const fc = (...f: ReturnType<typeof warehouse>[]): FeatureCollection<Point, WarehouseInput> => ({ type: 'FeatureCollection', features: f });
const zones = incidentZones(at, { type: 'fire', incident: domainDefaults.incident });

describe('rankWarehouses', () => {
  it('lists warehouses nearest first with their distance', () => {
    expect(rankWarehouses(zones, fc(warehouse('far', 36.2), warehouse('near', 36.15))).map((w) => [w.id, w.distanceM])).toEqual([['near', 5560], ['far', 11120]]);
  });

  it('flags stock lines below their minimum', () => {
    const [w] = rankWarehouses(zones, fc(warehouse('a', 36.2, 5)));
    expect(w!.stock).toEqual([{ item: '帐篷', unit: '顶', quantity: 5, minimum: 20, belowMinimum: true }]);
  });

  it('names the zone a warehouse itself lies in', () => {
    expect(rankWarehouses(zones, fc(warehouse('inside', 36.102)))[0]!.zone).toBe('evacuate');
  });

  it('keeps only the first `limit` warehouses', () => {
    expect(rankWarehouses(zones, fc(warehouse('a', 36.2), warehouse('b', 36.3)), { limit: 1 })).toHaveLength(1);
  });
});
