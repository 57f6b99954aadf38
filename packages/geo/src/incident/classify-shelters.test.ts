import { domainDefaults } from '@riskmap/config';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { classifyShelters, type ShelterInput } from './classify-shelters.js';
import { incidentZones } from './incident-zones.js';

const at: [number, number] = [115.8, 36.1];
const shelter = (code: string, lat: number, extra: Partial<ShelterInput> = {}) => ({
  type: 'Feature' as const, id: code, properties: { code, name: code, capacity: 100, status: 'open', suitability: { earthquake: true, flood: true, fire: true, hazmat: true }, ...extra },
  geometry: { type: 'Point' as const, coordinates: [at[0], lat] },
});
const fc = (...f: ReturnType<typeof shelter>[]): FeatureCollection<Point, ShelterInput> => ({ type: 'FeatureCollection', features: f });
const zones = incidentZones(at, { type: 'explosion', incident: domainDefaults.incident }); // 300 / 1000 / 2000 m
const options = { usableStatuses: ['built', 'open'], suitability: 'fire' as const };

describe('classifyShelters', () => {
  it('calls every shelter inside a zone unsafe, whatever its status', () => {
    const r = classifyShelters(zones, fc(shelter('in', 36.105), shelter('in-closed', 36.11, { status: 'closed' })), options);
    expect(r.unsafe.map((s) => [s.id, s.zone])).toEqual([['in', 'evacuate'], ['in-closed', 'shelter-in-place']]);
    expect(r.safe).toEqual([]);
  });

  it('offers usable shelters outside the zones, nearest first', () => {
    const r = classifyShelters(zones, fc(shelter('far', 36.2), shelter('near', 36.13)), options);
    expect(r.safe.map((s) => s.id)).toEqual(['near', 'far']);
  });

  it('leaves out planned and closed shelters outside the zones', () => {
    const r = classifyShelters(zones, fc(shelter('planned', 36.2, { status: 'planned' }), shelter('closed', 36.2, { status: 'closed' })), options);
    expect([r.safe.length, r.unsafe.length]).toEqual([0, 0]);
  });

  it('leaves out and counts shelters without the hazard’s suitability flag', () => {
    const r = classifyShelters(zones, fc(shelter('no-fire', 36.2, { suitability: { fire: false } })), options);
    expect([r.safe.length, r.unsuitable]).toEqual([0, 1]);
  });

  it('takes a shelter without suitability data as suitable', () => {
    expect(classifyShelters(zones, fc(shelter('unknown', 36.2, { suitability: null })), options).safe).toHaveLength(1);
  });
});
