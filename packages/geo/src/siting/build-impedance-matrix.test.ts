import { domainDefaults } from '@riskmap/config';
import { describe, expect, it } from 'vitest';
import { buildImpedanceMatrix } from './build-impedance-matrix.js';
import { haversineM } from '../analytics/haversine-m.js';

const d = [{ id: 'd', lon: 115.7, lat: 36.1, weight: 10, riskWeight: 2 }];
const c = [{ id: 'c', lon: 115.72, lat: 36.1 }];
const meters = haversineM(115.7, 36.1, 115.72, 36.1);

describe('buildImpedanceMatrix', () => {
  it('multiplies geodesic distance by the detour factor (default 1.3)', () => {
    const { matrix, impedance } = buildImpedanceMatrix(d, c, [], { kind: 'geodesic' }, domainDefaults.fireStations);
    expect(matrix.values[0]).toBeCloseTo(meters * 1.3, 6);
    expect(impedance.unit).toBe('m');
  });

  it('turns distance into minutes at the given speed', () => {
    const { matrix } = buildImpedanceMatrix(d, c, [], { kind: 'time', speedKmh: 30, detourFactor: 1 }, domainDefaults.fireStations);
    expect(matrix.values[0]).toBeCloseTo(meters / 500, 6);
  });

  it('weights demand by population × risk weight', () => {
    expect(buildImpedanceMatrix(d, c, [], { kind: 'geodesic' }, domainDefaults.fireStations).matrix.weights[0]).toBe(20);
  });

  it('keeps the nearest existing facility per demand point and Infinity without one', () => {
    const near = buildImpedanceMatrix(d, c, [{ id: 'e', lon: 115.7, lat: 36.1 }], { kind: 'geodesic' }, domainDefaults.fireStations).matrix.existing;
    expect(near[0]).toBe(0);
    expect(buildImpedanceMatrix(d, c, [], { kind: 'geodesic' }, domainDefaults.fireStations).matrix.existing[0]).toBe(Infinity);
  });

  it('marks points beyond the snapping distance of the network as unreachable', () => {
    const network = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates: [[115.72, 36.1], [115.73, 36.1]] } }] };
    const { matrix, impedance } = buildImpedanceMatrix(d, c, [], { kind: 'network', network, maxSnapM: 500 }, domainDefaults.fireStations);
    expect(matrix.values[0]).toBe(Infinity);
    expect(impedance.unsnappedPoints).toBe(1);
  });
});
