import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { generateSample } from './index.js';

const ds = generateSample();
const towns = ds.townships.features;
const countyArea = turf.area(ds.county);

describe('county', () => {
  it('is 阳谷县 371521 with the 2020 census population', () => {
    expect(ds.county.properties).toMatchObject({ code: '371521', name: '阳谷县', level: 'county', kind: 'county', population: 700_083, sample: true });
    expect(ds.county.geometry.type).toBe('MultiPolygon');
  });

  it('comes with the other seven Liaocheng counties as neighbours', () => {
    expect(ds.neighbours.features).toHaveLength(7);
    expect(ds.neighbours.features.map((f) => f.properties.code)).not.toContain('371521');
  });
});

describe('townships', () => {
  it('are the 18 township-level units with sample codes 371521001…018', () => {
    expect(towns).toHaveLength(18);
    expect(towns.map((t) => t.properties.code)).toEqual(Array.from({ length: 18 }, (_, i) => `371521${String(i + 1).padStart(3, '0')}`));
  });

  it('are approximate MultiPolygons whose parent is the county', () => {
    for (const t of towns) {
      expect(t.geometry.type).toBe('MultiPolygon');
      expect(t.properties).toMatchObject({ level: 'township', parentCode: '371521', approximate: true, sample: true });
    }
  });

  it('mark exactly the three 街道 as urban subdistricts', () => {
    const urban = towns.filter((t) => t.properties.isUrban).map((t) => t.properties.name);
    expect(urban.sort()).toEqual(['侨润街道', '博济桥街道', '狮子楼街道'].sort());
    expect(towns.filter((t) => t.properties.kind === 'subdistrict')).toHaveLength(3);
    expect(towns.filter((t) => t.properties.kind === 'township').map((t) => t.properties.name)).toEqual(['大布乡']);
  });

  it('contain their own seat', () => {
    for (const t of towns) expect(turf.booleanPointInPolygon(t.properties.seat as [number, number], t.geometry)).toBe(true);
  });

  it('tile the county: areas add up to the county area', () => {
    const sum = towns.reduce((s, t) => s + turf.area(t), 0);
    expect(Math.abs(sum - countyArea) / countyArea).toBeLessThan(1e-6);
  });

  it('tile the county: no two townships overlap beyond float noise', () => {
    let overlapM2 = 0;
    for (let i = 0; i < towns.length; i++) {
      for (let j = i + 1; j < towns.length; j++) {
        const x = turf.intersect(turf.featureCollection([towns[i]!, towns[j]!]));
        if (x) overlapM2 += turf.area(x);
      }
    }
    expect(overlapM2).toBeLessThan(1);
  });

  it('stay inside the county outline', () => {
    for (const t of towns) {
      const inside = turf.intersect(turf.featureCollection([t, ds.county]));
      expect(Math.abs(turf.area(inside!) - turf.area(t))).toBeLessThan(1);
    }
  });

  it('have resident populations that sum exactly to 700,083', () => {
    expect(towns.reduce((s, t) => s + t.properties.population, 0)).toBe(700_083);
    for (const t of towns) expect(Number.isInteger(t.properties.population)).toBe(true);
  });

  it('put about 250,000 residents in the county town (the three 街道)', () => {
    const town = towns.filter((t) => t.properties.isUrban).reduce((s, t) => s + t.properties.population, 0);
    expect(town).toBeGreaterThanOrEqual(247_000);
    expect(town).toBeLessThanOrEqual(253_000);
  });

  it('give towns believably varied populations', () => {
    const rural = towns.filter((t) => !t.properties.isUrban).map((t) => t.properties.population);
    expect(Math.min(...rural)).toBeGreaterThan(5_000);
    expect(Math.max(...rural)).toBeLessThan(80_000);
    expect(Math.max(...rural) / Math.min(...rural)).toBeGreaterThan(1.5);
  });
});
