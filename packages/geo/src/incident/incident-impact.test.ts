import { domainDefaults } from '@riskmap/config';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { incidentImpact, type IncidentLayers } from './incident-impact.js';

/** Split a fixture collection into layers by each feature's `layer` property. */
function layersOf(input: { features: { properties: { layer: string } }[] }): IncidentLayers {
  const layers: Record<string, { type: 'FeatureCollection'; features: unknown[] }> = {};
  for (const name of ['townships', 'demandPoints', 'riskPoints', 'hazardSources', 'shelters', 'warehouses', 'fireStations']) layers[name] = { type: 'FeatureCollection', features: [] };
  for (const f of input.features) layers[f.properties.layer]!.features.push({ ...f, id: (f.properties as { code?: string }).code });
  return layers as unknown as IncidentLayers;
}
const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/incidentImpact/in/explosion-at-hazard-source.geojson', import.meta.url), 'utf8'));
const config = { incident: domainDefaults.incident, fireStations: domainDefaults.fireStations, usableShelterStatuses: domainDefaults.shelters.usableStatuses };
const run = () => incidentImpact(fixture.properties, layersOf(fixture), config);

// Explosion at H0 with zones 300 / 1000 / 2000 m: V1 (200 m N, 100 people) severe, V2 (800 m E, 300) evacuate,
// V3 (1.5 km S, 50) shelter in place, V4 (3 km N) outside. Safe: S-near (2.5 km N, 250) and S-far (4 km S, 1000).
describe('incidentImpact', () => {
  it('counts the people per zone and in all', () => {
    const r = run();
    expect(r.zones.features.map((z) => [z.properties.key, z.properties.population])).toEqual([['severe', 100], ['evacuate', 300], ['shelter-in-place', 50]]);
    expect([r.population, r.evacuees]).toEqual([450, 400]);
  });

  it('adds no density estimate when the points hold the township’s whole population (451)', () => {
    expect(run().zones.features.every((z) => z.properties.fromDensity === 0)).toBe(true);
  });

  it('lists risk points inside by level, highest first, and leaves the source out of the domino candidates', () => {
    const r = run();
    expect(r.riskPoints.map((p) => [p.code, p.level, p.zone])).toEqual([['R2', 1, 'shelter-in-place'], ['R1', 2, 'evacuate']]);
    expect(r.hazardSources.map((h) => [h.code, h.grade, h.zone])).toEqual([['H1', 2, 'evacuate']]);
  });

  it('calls the shelter inside unsafe and offers only usable, suitable shelters outside', () => {
    const r = run();
    expect(r.unsafeShelters.map((s) => s.code)).toEqual(['S-in']);
    expect(r.safeShelters.map((s) => s.code)).toEqual(['S-near', 'S-far']);
    expect(r.unsuitableShelters).toBe(1);
  });

  it('evacuates only the severe and evacuate zones, fills the nearer shelter and reports what remains', () => {
    const r = run();
    expect(r.allocations.reduce((n, a) => n + a.people, 0)).toBe(400);
    expect(r.allocations.every((a) => a.villageId !== 'V3')).toBe(true);
    expect(r.safeShelters.map((s) => [s.code, s.allocated, s.remainingCapacity])).toEqual([['S-near', 250, 0], ['S-far', 150, 850]]);
    expect(r.unplaced).toBe(0);
  });

  it('draws one evacuation line per allocation, village to shelter', () => {
    const r = run();
    expect(r.allocationLines.features.map((f) => [f.properties.villageId, f.properties.shelterId, f.properties.people])).toEqual(r.allocations.map((a) => [a.villageId, a.shelterId, a.people]));
  });

  it('ranks fire stations by arrival: 5 min turnout + 1 km (7.6 min) before 1 min turnout + 3 km (8.8 min)', () => {
    expect(run().fireStations.map((s) => [s.code, s.etaMinutes])).toEqual([['F2', 7.6], ['F1', 8.8]]);
  });

  it('reports the plume shape only for releases with wind', () => {
    expect(run().scenario).toMatchObject({ shape: 'circle', plumeBearingDeg: null, shelterSuitability: 'fire' });
  });

  goldenFixtures('incidentImpact', (input) => incidentImpact(input.properties, layersOf(input), config));
});
