import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { call } from './siting-helpers.js';

describe.each(testBackends())('POST /api/siting on the %s backend', (backend) => {
  let app: TestApp;
  let planner: string;
  beforeAll(async () => {
    app = await startTestApp(backend);
    planner = await app.login('planner');
  });
  afterAll(async () => app?.close());

  it('places 5 shelters on the sample that cover more people than the existing ones, each explained', async () => {
    const { status, body } = await call(app, 'POST', '/api/siting', planner, { problem: 'mclp', facility: 'shelter', p: 5, radiusM: 1500 });
    expect(status).toBe(200);
    expect(body.chosen).toHaveLength(5);
    expect(body.chosen.every((id: string) => id.startsWith('CS-'))).toBe(true);
    expect(body.objective).toBe(body.coveredWeight);
    expect(body.after.coveredWeight).toBeGreaterThan(body.before.coveredWeight);
    expect(body.after.coveredWeight).toBeLessThanOrEqual(body.totalWeight);
    expect(body.inputs).toMatchObject({ demand: 'stored', candidates: 'stored', existing: 'stored', demandCount: 741 });
    const gained = body.sites.features.reduce((s: number, f: any) => s + f.properties.demandWeight, 0);
    expect(gained).toBeCloseTo(body.after.coveredWeight - body.before.coveredWeight, 3);
    expect(body.solver).toBe('highs');
    expect(body.optimal).toBe(true);
    expect(body.timeLimitReached).toBe(false);
  });

  it('gives every chosen site what accepting it as a planned shelter needs, and the editing route takes it', async () => {
    const { body } = await call(app, 'POST', '/api/siting', planner, { problem: 'mclp', p: 1, radiusM: 1000 });
    const site = body.sites.features[0].properties;
    expect(site).toMatchObject({ code: body.chosen[0], lon: expect.any(Number), lat: expect.any(Number), effectiveAreaM2: expect.any(Number) });
    expect(site.townshipCode).toMatch(/^371521/);
    expect(site.accept.layer).toBe('shelters');
    const created = await call(app, 'POST', `/api/layers/${site.accept.layer}`, planner, site.accept.feature);
    expect(created.status).toBe(201);
  });

  it('weights fire-station demand by nearby risk levels and measures a 5-minute drive by default', async () => {
    const { status, body } = await call(app, 'POST', '/api/siting', planner, { problem: 'mclp', facility: 'fire-station', p: 3 });
    expect(status).toBe(200);
    expect(body.impedance.kind).toBe('time');
    expect(body.limit).toBe(5);
    const population = (await call(app, 'POST', '/api/siting', planner, { problem: 'mclp', facility: 'fire-station', p: 3, riskWeighting: false })).body.totalWeight;
    expect(body.totalWeight).toBeGreaterThan(population);
    expect(body.sites.features[0].properties.accept.layer).toBe('fire-stations');
  });

  it('closes the shelter gap from the same per-capita figures as the analytics and names the townships that stay short', async () => {
    const { status, body } = await call(app, 'POST', '/api/siting', planner, { problem: 'shelter-gap' });
    expect(status).toBe(200);
    const perCapita = (await call(app, 'GET', '/api/analytics/shelter-per-capita', planner)).body;
    const current = new Map(perCapita.townships.map((t: any) => [t.townshipCode, t.effectiveAreaM2]));
    expect(body.townships).toHaveLength(18);
    for (const t of body.townships) expect(t.areaBeforeM2).toBe(current.get(t.townshipCode));
    expect(body.unreachable.map((t: any) => t.name).sort()).toEqual(['大布乡', '金斗营镇'].sort());
    for (const t of body.unreachable) expect(current.has(t.townshipCode)).toBe(true);
    expect(Object.keys(body.townships[0])).not.toContain('code');
    expect(body.after.townshipsBelowTarget).toBe(2);
    expect(body.before.townshipsBelowTarget).toBeGreaterThan(2);
    expect(body.sites.features).toHaveLength(body.chosen.length);
  });

  it('solves inline demand and candidates, choosing the sites next to the heaviest villages', async () => {
    const pt = (lon: number, lat: number, properties: object) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties });
    const demand = { type: 'FeatureCollection', features: [pt(115.7, 36.0, { id: 'a', weight: 100 }), pt(115.8, 36.1, { id: 'b', weight: 10 }), pt(115.9, 36.2, { id: 'c', weight: 50 })] };
    const candidates = { type: 'FeatureCollection', features: [pt(115.7, 36.0, { id: 'A' }), pt(115.8, 36.1, { id: 'B' }), pt(115.9, 36.2, { id: 'C' })] };
    const existing = { type: 'FeatureCollection', features: [] };
    const { status, body } = await call(app, 'POST', '/api/siting', planner, { problem: 'mclp', p: 2, radiusM: 500, demand, candidates, existing });
    expect(status).toBe(200);
    expect(body.chosen).toEqual(['A', 'C']);
    expect(body.coveredWeight).toBe(150);
    expect(body.totalWeight).toBe(160);
    expect(body.inputs).toMatchObject({ demand: 'inline', candidates: 'inline', existing: 'inline' });
  });

  const oneDemand = (properties: object) => ({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [115.8, 36.1] }, properties }] });
  it.each([
    ['an unknown problem', { problem: 'p-dispersion', p: 2 }, 'problem'],
    ['p = 0 for p-median', { problem: 'p-median', p: 0 }, 'p'],
    ['p larger than the candidates', { problem: 'p-median', p: 5000 }, 'p'],
    ['a missing p', { problem: 'p-center' }, 'p'],
    ['radius 0', { problem: 'mclp', p: 2, radiusM: 0 }, 'radiusM'],
    ['empty demand', { problem: 'mclp', p: 2, radiusM: 1000, demand: { type: 'FeatureCollection', features: [] } }, 'demand.features'],
    ['a negative population', { problem: 'mclp', p: 2, radiusM: 1000, demand: oneDemand({ population: -5 }) }, 'demand.features.0.properties.population'],
    ['a non-numeric population', { problem: 'mclp', p: 2, radiusM: 1000, demand: oneDemand({ population: 'many' }) }, 'demand.features.0.properties.population'],
    ['demand without a weight', { problem: 'mclp', p: 2, radiusM: 1000, demand: oneDemand({ name: 'x' }) }, 'demand.features.0.properties.weight'],
    ['an unknown field', { problem: 'mclp', p: 2, radius: 1000 }, 'radius'],
  ])('rejects %s with 400 naming the field', async (_what, body, field) => {
    const r = await call(app, 'POST', '/api/siting', planner, body);
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields[0].field).toBe(field);
  });

  it('lets only planners and admins run siting: 401 anonymous, 403 commander', async () => {
    const body = { problem: 'mclp', p: 1, radiusM: 1000 };
    expect((await call(app, 'POST', '/api/siting', undefined, body)).status).toBe(401);
    expect((await call(app, 'POST', '/api/siting', await app.login('commander'), body)).status).toBe(403);
    expect((await call(app, 'POST', '/api/siting', await app.login('admin'), body)).status).toBe(200);
  });
});
