import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { generateSample } from './index.js';

const ds = generateSample();
const points = ds.demandPoints.features;
const townships = new Map(ds.townships.features.map((t) => [t.properties.code, t]));

describe('demand points', () => {
  it('number between 600 and 900', () => {
    expect(points.length).toBeGreaterThanOrEqual(600);
    expect(points.length).toBeLessThanOrEqual(900);
  });

  it('lie strictly inside their township polygon', () => {
    for (const p of points) {
      const t = townships.get(p.properties.townshipCode);
      expect(t, p.properties.code).toBeDefined();
      expect(turf.booleanPointInPolygon(p, t!, { ignoreBoundary: true }), p.properties.code).toBe(true);
    }
  });

  it('have integer populations that sum exactly to their township', () => {
    for (const t of ds.townships.features) {
      const mine = points.filter((p) => p.properties.townshipCode === t.properties.code);
      expect(mine.length, t.properties.name).toBeGreaterThan(0);
      for (const p of mine) expect(Number.isInteger(p.properties.population) && p.properties.population > 0).toBe(true);
      expect(mine.reduce((s, p) => s + p.properties.population, 0), t.properties.name).toBe(t.properties.population);
    }
  });

  it('are communities in the 街道 and villages elsewhere', () => {
    for (const p of points) {
      const urban = townships.get(p.properties.townshipCode)!.properties.isUrban;
      expect(p.properties.kind).toBe(urban ? 'community' : 'village');
      expect(p.properties.name.endsWith(urban ? '社区' : '村')).toBe(true);
    }
  });

  it('carry 12-digit codes under their township code', () => {
    for (const p of points) expect(p.properties.code).toMatch(new RegExp(`^${p.properties.townshipCode}\\d{3}$`));
  });
});
