import * as turf from '@turf/turf';
import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generateSample } from './index.js';

const ds = generateSample();
const townships = new Map(ds.townships.features.map((t) => [t.properties.code, t]));
type Facility = Feature<Point, { code: string; sample: boolean; townshipCode: string | null }>;
const layers: Record<string, Facility[]> = {
  riskPoints: ds.riskPoints.features,
  hazardSources: ds.hazardSources.features,
  shelters: ds.shelters.features,
  warehouses: ds.warehouses.features,
  fireStations: ds.fireStations.features,
  candidateSites: ds.candidateSites.features,
};

describe('facilities', () => {
  it.each(Object.keys(layers))('%s lie inside the county', (layer) => {
    for (const f of layers[layer]!) expect(turf.booleanPointInPolygon(f, ds.county, { ignoreBoundary: true }), f.properties.code).toBe(true);
  });

  it.each(Object.keys(layers))('%s name the township whose polygon contains them', (layer) => {
    for (const f of layers[layer]!) {
      const t = townships.get(f.properties.townshipCode ?? '');
      expect(t, f.properties.code).toBeDefined();
      expect(turf.booleanPointInPolygon(f, t!, { ignoreBoundary: true }), f.properties.code).toBe(true);
    }
  });

  it('keep plant boundaries and shelter sites inside their township', () => {
    const areas = [
      ...ds.hazardSources.features.map((h) => ({ code: h.properties.code, tc: h.properties.townshipCode, poly: h.properties.boundary })),
      ...ds.shelters.features.map((s) => ({ code: s.properties.code, tc: s.properties.townshipCode, poly: s.properties.site })),
    ];
    for (const a of areas) {
      expect(a.poly, a.code).not.toBeNull();
      expect(turf.booleanWithin(turf.polygon(a.poly!.coordinates), townships.get(a.tc ?? '')!), a.code).toBe(true);
    }
  });

  it('have layer sizes in the agreed ranges', () => {
    expect(ds.riskPoints.features.length).toBeGreaterThanOrEqual(250);
    expect(ds.riskPoints.features.length).toBeLessThanOrEqual(350);
    expect(ds.hazardSources.features.length).toBeGreaterThanOrEqual(15);
    expect(ds.hazardSources.features.length).toBeLessThanOrEqual(25);
    expect(ds.shelters.features.length).toBeGreaterThanOrEqual(60);
    expect(ds.shelters.features.length).toBeLessThanOrEqual(120);
    expect(ds.candidateSites.features.length).toBeGreaterThanOrEqual(150);
    expect(ds.candidateSites.features.length).toBeLessThanOrEqual(250);
    expect(ds.warehouses.features.length).toBeGreaterThanOrEqual(5);
    expect(ds.fireStations.features.length).toBeGreaterThanOrEqual(20);
  });
});

describe('every stored layer', () => {
  const all = [ds.county, ...ds.townships.features, ...ds.demandPoints.features, ...Object.values(layers).flat()];

  it('marks every feature as sample data', () => {
    for (const f of all) expect(f.properties?.sample, f.properties?.code).toBe(true);
  });

  it('uses unique codes across all layers', () => {
    const codes = all.map((f) => f.properties?.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('uses unique names within each layer', () => {
    for (const [layer, features] of Object.entries(layers)) {
      if (layer === 'riskPoints') continue; // a risk point shares its hazard source's name by design
      const names = features.map((f) => (f.properties as unknown as { name: string }).name);
      expect(new Set(names).size, layer).toBe(names.length);
    }
  });

  it('never names a real company: enterprises are 示例 names', () => {
    for (const r of ds.riskPoints.features) expect(r.properties.enterprise).toContain('示例');
    for (const h of ds.hazardSources.features) expect(h.properties.enterprise).toContain('示例');
  });

  it('uses sample phone numbers in the 0635-6XXXXXX pattern', () => {
    const phones = [...ds.riskPoints.features.map((r) => r.properties.responsiblePhone), ...ds.shelters.features.map((s) => s.properties.contactPhone), ...ds.fireStations.features.map((f) => f.properties.contactPhone)];
    for (const p of phones) expect(p).toMatch(/^0635-6\d{6}$/);
  });
});
