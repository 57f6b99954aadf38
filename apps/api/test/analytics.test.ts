import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perCapitaSql } from '@riskmap/db';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';

/** An anonymous GET, or as a commander (the full figures; the public sees the public projection, see leak.test.ts). */
async function get(app: TestApp, path: string, role?: 'commander') {
  const res = await fetch(`${app.url}${path}`, role ? { headers: { authorization: `Bearer ${await app.login(role)}` } } : {});
  return { status: res.status, body: await res.json(), type: res.headers.get('content-type') };
}

describe.each(testBackends())('analytics on the %s backend', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(async () => app?.close());

  describe('GET /api/analytics/risk-map', () => {
    it('colours every township by the highest level inside, with counts and a legend', async () => {
      const { status, body } = await get(app, '/api/analytics/risk-map?by=township');
      expect(status).toBe(200);
      expect(body.features).toHaveLength(18);
      const total = body.features.reduce((s: number, f: any) => s + f.properties.total, 0);
      expect(total + body.unassigned).toBe(300);
      for (const f of body.features) {
        const c = f.properties.counts;
        const highest = [1, 2, 3, 4].find((l) => c[l] > 0) ?? null;
        expect(f.properties.level).toBe(highest);
      }
      expect(body.legend).toBeDefined();
    });

    it('hides the named top risks from the public', async () => {
      const { body } = await get(app, '/api/analytics/risk-map?by=township');
      expect(body.features.every((f: any) => f.properties.top === undefined)).toBe(true);
    });

    it('grids the county in 500 m cells with every risk point in exactly one cell', async () => {
      const { status, body } = await get(app, '/api/analytics/risk-map?by=grid&cell=500&method=weighted', 'commander');
      expect(status).toBe(200);
      const counted = body.features.reduce((s: number, f: any) => s + f.properties.total, 0);
      expect(counted + body.unassigned).toBe(300);
      expect(body.unassigned).toBe(0);
    });

    it.each([
      ['by=county', 'by'],
      ['by=grid&cell=50', 'cell'],
      ['by=grid&cell=9000', 'cell'],
      ['method=average', 'method'],
    ])('rejects %s with 400 naming %s', async (query, field) => {
      const { status, body } = await get(app, `/api/analytics/risk-map?${query}`);
      expect(status).toBe(400);
      expect(body.error.details.fields[0].field).toBe(field);
    });
  });

  describe('GET /api/analytics/shelter-per-capita', () => {
    it('reports townships below the 2.5 m² target with their shortfall, using effective area', async () => {
      const { status, body } = await get(app, '/api/analytics/shelter-per-capita?includePlanned=false&target=2.5');
      expect(status).toBe(200);
      expect(body.areaBasis).toBe('effective');
      expect(body.townships).toHaveLength(18);
      for (const r of body.townships) expect(r.townshipCode).toMatch(/^371521\d{3}$/); // the same name as coverage rows
      expect(body.townships[0]).not.toHaveProperty('code');
      const short = body.townships.filter((r: any) => r.meetsTarget === false);
      expect(short.length).toBeGreaterThan(0);
      for (const r of short) expect(Math.abs(r.shortfallM2 - (2.5 * r.population - r.effectiveAreaM2))).toBeLessThanOrEqual(1); // whole m²
      expect(body.countyTown.perCapitaM2).toBeLessThan(2.5);
      expect(body.countyTown.targetApplies).toBe(true);
      expect(body.county.population).toBe(700083);
    });

    it('agrees exactly with the PostGIS GROUP BY', async () => {
      const { body } = await get(app, '/api/analytics/shelter-per-capita', 'commander');
      const sqlRows = await perCapitaSql(app.t.db, ['built', 'open']);
      for (const r of sqlRows) {
        const ts = body.townships.find((t: any) => t.townshipCode === r.code);
        expect(ts.effectiveAreaM2).toBeCloseTo(r.effectiveAreaM2, 6);
        expect(ts.shelterCount).toBe(r.shelterCount);
      }
    });

    it('lifts the county town when planned shelters are included', async () => {
      const without = (await get(app, '/api/analytics/shelter-per-capita', 'commander')).body.countyTown.perCapitaM2;
      const withPlanned = (await get(app, '/api/analytics/shelter-per-capita?includePlanned=true', 'commander')).body.countyTown.perCapitaM2;
      expect(withPlanned).toBeGreaterThan(without);
    });

    it('answers GeoJSON for the choropleth', async () => {
      const { body, type } = await get(app, '/api/analytics/shelter-per-capita?format=geojson');
      expect(type).toMatch(/geo\+json/);
      expect(body.features).toHaveLength(18);
      expect(body.features[0].properties).toHaveProperty('perCapitaM2');
    });

    it('rejects a target that is not a positive number', async () => {
      const { status, body } = await get(app, '/api/analytics/shelter-per-capita?target=abc');
      expect(status).toBe(400);
      expect(body.error.details.fields[0].field).toBe('target');
    });
  });

  describe('GET /api/analytics/coverage', () => {
    it.each(['shelters', 'fire-stations'])('splits the population of every township into covered and uncovered (%s)', async (facility) => {
      const { status, body } = await get(app, `/api/analytics/coverage?facility=${facility}`, 'commander');
      expect(status).toBe(200);
      expect(body.impedance.method).toMatch(/^straight-line/);
      expect(body.population).toBe(700083);
      expect(body.townships).toHaveLength(18);
      for (const t of body.townships) expect(t.coveredPopulation + t.uncoveredPopulation).toBe(t.population);
      const uncovered = body.uncovered.features.reduce((s: number, f: any) => s + f.properties.population, 0);
      expect(uncovered).toBe(body.uncoveredPopulation);
      const served = body.facilities.reduce((s: number, f: any) => s + f.servedPopulation, 0);
      expect(served).toBe(body.coveredPopulation);
      expect(body.coveredPopulation).toBeGreaterThan(0);
      expect(body.uncoveredPopulation).toBeGreaterThan(0);
    });

    it('balances the population of warehouse reach, each warehouse reaching by its level', async () => {
      const { status, body } = await get(app, '/api/analytics/coverage?facility=warehouses', 'commander');
      expect(status).toBe(200);
      expect(body).toMatchObject({ facility: 'warehouses', impedance: { method: 'straight-line-detour', mode: 'driving', reachMinutesByLevel: { county: 60, township: 30, park: 20 } } });
      expect(body.population).toBe(700083);
      expect(body.townships).toHaveLength(18);
      for (const t of body.townships) expect(t.coveredPopulation + t.uncoveredPopulation).toBe(t.population);
      expect(body.coveredPopulation + body.uncoveredPopulation).toBe(body.population);
      const uncovered = body.uncovered.features.reduce((s: number, f: any) => s + f.properties.population, 0);
      expect(uncovered).toBe(body.uncoveredPopulation);
      const served = body.facilities.reduce((s: number, f: any) => s + f.servedPopulation, 0);
      expect(served).toBe(body.coveredPopulation);
      expect(body.facilities.length).toBeGreaterThan(0);
      // Road metres in reach: 45 km/h × 60 / 30 / 20 minutes by level.
      for (const f of body.facilities) expect([45_000, 22_500, 15_000]).toContain(f.reachM);
    });

    it('requires the facility', async () => {
      const { status, body } = await get(app, '/api/analytics/coverage', 'commander');
      expect(status).toBe(400);
      expect(body.error.details.fields[0].field).toBe('facility');
    });
  });

  describe('GET /api/shelters/nearest', () => {
    it('returns the 3 nearest usable public shelters, nearest first, with walking time', async () => {
      const { status, body } = await get(app, '/api/shelters/nearest?lon=115.79&lat=36.11&k=3');
      expect(status).toBe(200);
      expect(body.shelters).toHaveLength(3);
      expect(body.farFromCounty).toBe(false);
      const d = body.shelters.map((s: any) => s.distanceM);
      expect(d).toEqual([...d].sort((a, b) => a - b));
      for (const s of body.shelters) {
        expect(['built', 'open']).toContain(s.status);
        expect(Math.abs(s.walkMinutes - s.distanceM / 50)).toBeLessThanOrEqual(0.05); // 0.1 min resolution
        expect(s).not.toHaveProperty('contactPhone');
      }
    });

    it('still answers far outside the county, with a flag', async () => {
      const { status, body } = await get(app, '/api/shelters/nearest?lon=116.4&lat=39.9');
      expect(status).toBe(200);
      expect(body.farFromCounty).toBe(true);
      expect(body.shelters.length).toBeGreaterThan(0);
    });

    it.each([
      ['lon=abc&lat=36.1', 'lon'],
      ['lon=115.8&lat=', 'lat'],
      ['lon=115.8&lat=36.1&k=51', 'k'],
      ['lon=115.8&lat=36.1&k=0', 'k'],
    ])('rejects %s with 400 naming %s', async (query, field) => {
      const { status, body } = await get(app, `/api/shelters/nearest?${query}`);
      expect(status).toBe(400);
      expect(body.error.details.fields[0].field).toBe(field);
    });
  });
});
