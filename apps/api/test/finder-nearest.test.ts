import { domainDefaults } from '@riskmap/config';
import { testBackends } from '@riskmap/db/testing';
import type { FeatureCollection, Point } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFinderIndex } from '../src/services/finder-nearest.js';
import { startTestApp, type TestApp } from './harness.js';

const cfg = { shelters: domainDefaults.shelters, nearest: domainDefaults.nearest };
const shelter = (code: string, lon: number, status: string, shelterClass = 'emergency') => ({
  type: 'Feature' as const,
  geometry: { type: 'Point' as const, coordinates: [lon, 36.1] },
  properties: { code, name: code, shelterClass, status, capacity: 100, facilities: [], isPublic: true, address: `${code} 路 1 号`, access: '北门', updatedAt: '2026-11-30T08:00:00Z' },
});
// 0.001° of longitude at 36.1° N ≈ 90 m; an emergency shelter serves 500 m.
const fc = (...f: ReturnType<typeof shelter>[]): FeatureCollection<Point> => ({ type: 'FeatureCollection', features: f });

describe('finder nearest: open shelters first', () => {
  it('answers with open shelters only when one is within its class radius, even if a built one is nearer', () => {
    const index = createFinderIndex(fc(shelter('BUILT-NEAR', 115.7001, 'built'), shelter('OPEN-1', 115.703, 'open'), shelter('OPEN-2', 115.72, 'open')), cfg);
    const r = index.nearest([115.7, 36.1], 3);
    expect(r.notOpenIncluded).toBe(false);
    expect(r.shelters.map((s) => s.code)).toEqual(['OPEN-1', 'OPEN-2']);
    expect(r.shelters[0]).toMatchObject({ address: 'OPEN-1 路 1 号', access: '北门', updatedAt: '2026-11-30T08:00:00.000Z' });
  });

  it('appends built-but-not-open shelters, after the open ones, when no open one is near', () => {
    const index = createFinderIndex(fc(shelter('BUILT-NEAR', 115.7001, 'built'), shelter('OPEN-FAR', 115.75, 'open'), shelter('PLANNED', 115.7002, 'planned')), cfg);
    const r = index.nearest([115.7, 36.1], 3);
    expect(r.notOpenIncluded).toBe(true);
    expect(r.shelters.map((s) => [s.code, s.status])).toEqual([['OPEN-FAR', 'open'], ['BUILT-NEAR', 'built']]);
  });

  it('measures "near" with each class radius: a long-term shelter 2 km away is near, an emergency one is not', () => {
    const far = 115.7 + 2000 / 90_000;
    expect(createFinderIndex(fc(shelter('B', 115.7001, 'built'), shelter('LT', far, 'open', 'long-term')), cfg).nearest([115.7, 36.1], 3).notOpenIncluded).toBe(false);
    expect(createFinderIndex(fc(shelter('B', 115.7001, 'built'), shelter('EM', far, 'open', 'emergency')), cfg).nearest([115.7, 36.1], 3).notOpenIncluded).toBe(true);
  });
});

describe.each(testBackends())('GET /api/shelters/nearest on the %s backend', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(async () => app?.close());

  it('lists open shelters before any other, with address, entrance and update time', async () => {
    const res = await fetch(`${app.url}/api/shelters/nearest?lon=115.79&lat=36.11&k=3`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { notOpenIncluded: boolean; shelters: { status: string; address: string | null; access: string | null; updatedAt: string | null }[] };
    const statuses = body.shelters.map((s) => s.status);
    const firstNotOpen = statuses.findIndex((s) => s !== 'open');
    if (firstNotOpen >= 0) expect(statuses.slice(firstNotOpen).every((s) => s !== 'open')).toBe(true);
    expect(body.notOpenIncluded).toBe(firstNotOpen >= 0);
    for (const s of body.shelters) {
      expect(typeof s.address).toBe('string');
      expect(s.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
  });
});
