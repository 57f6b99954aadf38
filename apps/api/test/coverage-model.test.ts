import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { call } from './siting-helpers.js';

// One coverage model: the coverage page and siting's "before" (p = 0) count the same people.
describe.each(testBackends())('one coverage model on the %s backend', (backend) => {
  let app: TestApp;
  let planner: string;
  beforeAll(async () => {
    app = await startTestApp(backend);
    planner = await app.login('planner');
  });
  afterAll(async () => app?.close());

  const cases = [
    { facility: 'shelter', layer: 'shelters' },
    { facility: 'fire-station', layer: 'fire-stations' },
  ] as const;

  for (const c of cases) {
    for (const weighted of [false, true]) {
      it(`${c.facility}s${weighted ? ', risk-weighted' : ''}: siting p = 0 covers what the coverage page covers`, async () => {
        const page = await call(app, 'GET', `/api/analytics/coverage?facility=${c.layer}&riskWeighting=${weighted}`, planner);
        expect(page.status).toBe(200);
        const siting = await call(app, 'POST', '/api/siting', planner, { problem: 'mclp', facility: c.facility, p: 0, riskWeighting: weighted });
        expect(siting.status).toBe(200);
        const before = siting.body.before;
        expect(siting.body.chosen).toEqual([]);
        expect(siting.body.solver).toBe('none');
        expect(siting.body.coverageRule.matchesCoveragePage).toBe(true);
        expect(before.coveredPopulation).toBe(page.body.coveredPopulation);
        expect(before.totalPopulation).toBe(page.body.population);
        expect(before.coveredPopulationShare).toBeCloseTo(page.body.coveredShare, 4);
        if (weighted) {
          expect(page.body.weighted.coveredWeight).toBeGreaterThan(page.body.coveredPopulation);
          expect(before.coveredWeight).toBeCloseTo(page.body.weighted.coveredWeight, 6);
          expect(before.totalWeight).toBeCloseTo(page.body.weighted.totalWeight, 6);
          expect(siting.body.demandBasis.kind).toBe('risk-weighted');
        } else {
          expect(page.body.weighted).toBeNull();
          expect(before.coveredWeight).toBe(page.body.coveredPopulation);
          expect(siting.body.demandBasis.kind).toBe('population');
        }
        // A run that places sites starts from the same "before".
        const run = await call(app, 'POST', '/api/siting', planner, { problem: 'mclp', facility: c.facility, p: 2, riskWeighting: weighted });
        expect(run.status).toBe(200);
        expect(run.body.before.coveredPopulation).toBe(page.body.coveredPopulation);
        expect(run.body.after.coveredPopulation).toBeGreaterThanOrEqual(run.body.before.coveredPopulation);
      });
    }
  }

  it('names a changed rule: shelter minutes are walking minutes at the configured speed', async () => {
    const r = await call(app, 'POST', '/api/siting', planner, { problem: 'mclp', facility: 'shelter', p: 0, minutes: 10, impedance: { kind: 'time' } });
    expect(r.status).toBe(200);
    expect(r.body.coverageRule).toMatchObject({ matchesCoveragePage: false, unit: 'min', rule: { basis: 'walking-time', minutes: 10 } });
    expect(r.body.coverageRule.zh).toContain('步行 10 分钟');
    expect(r.body.impedance).toMatchObject({ kind: 'time', speedKmh: 3 });
    // 10 minutes at 50 m/min = 500 m for every shelter: less than the class radii (500–2,500 m).
    const page = await call(app, 'GET', '/api/analytics/coverage?facility=shelters', planner);
    expect(r.body.before.coveredPopulation).toBeLessThan(page.body.coveredPopulation);
  });

  it('applies hazard safety distances without a filter and lists what they excluded', async () => {
    const hazards = await call(app, 'GET', '/api/layers/hazard-sources', planner);
    const [lon, lat] = hazards.body.features[0].geometry.coordinates;
    const candidates = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [lon + 0.0004, lat] }, properties: { code: 'NEAR' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [lon + 0.3, lat + 0.05] }, properties: { code: 'FAR' } },
      ],
    };
    const r = await call(app, 'POST', '/api/siting', planner, { problem: 'mclp', facility: 'shelter', p: 1, candidates });
    expect(r.status).toBe(200);
    expect(r.body.chosen).toEqual(['FAR']);
    expect(r.body.excludedCandidates).toEqual([expect.objectContaining({ id: 'NEAR', reason: 'hazard-distance', minDistanceM: 1000, hazardId: hazards.body.features[0].properties.code })]);
  });

  it('places each excluded candidate (lon, lat), so an export can draw it', async () => {
    const hazards = await call(app, 'GET', '/api/layers/hazard-sources', planner);
    const [lon, lat] = hazards.body.features[0].geometry.coordinates;
    const candidates = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [lon + 0.0004, lat] }, properties: { code: 'NEAR', name: '危险源旁空地' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [lon + 0.3, lat + 0.05] }, properties: { code: 'FAR' } },
      ],
    };
    const r = await call(app, 'POST', '/api/siting', planner, { problem: 'mclp', facility: 'shelter', p: 1, candidates });
    expect(r.body.excludedCandidates).toEqual([expect.objectContaining({ id: 'NEAR', name: '危险源旁空地', lon: lon + 0.0004, lat })]);
  });

  it('shows the demand LSCP cannot cover: count, people and points', async () => {
    const r = await call(app, 'POST', '/api/siting', planner, { problem: 'lscp', facility: 'shelter' });
    expect(r.status).toBe(200);
    expect(r.body.uncoverable.count).toBe(r.body.uncoverableDemandIds.length);
    expect(r.body.uncoverable.points.features).toHaveLength(r.body.uncoverable.count);
    expect(r.body.uncoverable.population).toBeGreaterThan(0);
  });
});
