import { describe, expect, it } from 'vitest';
import { generateSample } from './index.js';

const ds = generateSample();
const warehouses = ds.warehouses.features.map((w) => w.properties);
const stations = ds.fireStations.features.map((f) => f.properties);

describe('warehouses', () => {
  it('are one county warehouse, several township ones and one park warehouse', () => {
    expect(warehouses.filter((w) => w.level === 'county')).toHaveLength(1);
    expect(warehouses.filter((w) => w.level === 'township').length).toBeGreaterThanOrEqual(3);
    expect(warehouses.filter((w) => w.level === 'park')).toHaveLength(1);
  });

  it('size the county warehouse at 630–800 m² (建标121-2009)', () => {
    const county = warehouses.find((w) => w.level === 'county')!;
    expect(county.floorAreaM2).toBeGreaterThanOrEqual(630);
    expect(county.floorAreaM2).toBeLessThanOrEqual(800);
  });

  it('stock tents, quilts, beds, water, food, lights and generators, a few lines below minimum', () => {
    const county = warehouses.find((w) => w.level === 'county')!;
    for (const item of ['帐篷', '棉被', '折叠床', '瓶装饮用水', '方便食品', '应急照明灯', '发电机']) expect(county.stock.map((s) => s.item)).toContain(item);
    const lines = warehouses.flatMap((w) => w.stock);
    const below = lines.filter((l) => l.quantity < l.minimum).length;
    expect(below).toBeGreaterThan(0);
    expect(below).toBeLessThan(lines.length / 4);
    for (const l of lines) expect(Number.isInteger(l.quantity) && l.quantity >= 0 && l.minimum > 0).toBe(true);
  });
});

describe('fire stations', () => {
  it('include urban stations, township brigades and microstations', () => {
    const types = new Set(stations.map((s) => s.stationType));
    for (const t of ['class-1', 'class-2', 'township-full-time-1', 'township-full-time-2', 'township-volunteer', 'micro']) expect(types.has(t as never), t).toBe(true);
  });

  it('give every town a brigade', () => {
    const rural = ds.townships.features.filter((t) => !t.properties.isUrban).map((t) => t.properties.code);
    const brigades = stations.filter((s) => s.stationType.startsWith('township-')).map((s) => s.townshipCode);
    expect([...brigades].sort()).toEqual([...rural].sort());
  });

  it('have plausible vehicles, staff and turn-out times', () => {
    for (const s of stations) {
      expect(s.staff).toBeGreaterThan(0);
      expect(s.vehicles).toBeGreaterThanOrEqual(0);
      expect(s.turnoutMinutes).toBeGreaterThan(0);
      expect(s.turnoutMinutes).toBeLessThanOrEqual(5);
    }
    expect(stations.find((s) => s.stationType === 'class-1')!.vehicles).toBeGreaterThanOrEqual(5);
  });
});
