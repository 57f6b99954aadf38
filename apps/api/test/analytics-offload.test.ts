import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@riskmap/config/env';
import { sql } from '@riskmap/db';
import { testBackends } from '@riskmap/db/testing';
import { riskDensity, riskEmapByGrid } from '@riskmap/geo';
import { CoverageQuery, DensityQuery, RiskMapQuery } from '@riskmap/contract';
import { startTestApp, type TestApp } from './harness.js';
import { tokenFor } from './edit-helpers.js';
import { LayerCache } from '../src/services/layer-cache.js';
import { countyFeature } from '../src/services/county.js';
import { computeAnalytics, type AnalyticsJob, type AnalyticsLayers } from '../src/services/analytics-compute.js';

const domain = loadConfig({ NODE_ENV: 'test' }).domain;
const query = (path: string) => Object.fromEntries(new URL(path, 'http://x').searchParams);

/** The heavy analytics answers through the worker pool (ANALYTICS_WORKERS=1, ANALYTICS_QUEUE=1) against the same computation in-process. */
describe.each(testBackends())('analytics computed in worker threads on the %s backend', (backend) => {
  let app: TestApp;
  let layers: LayerCache;
  let inProcess: AnalyticsLayers;
  let auth: Record<string, string>;
  beforeAll(async () => {
    app = await startTestApp(backend, 'sample', { ANALYTICS_WORKERS: '1', ANALYTICS_QUEUE: '1', ANALYTICS_RETRY_AFTER_SECONDS: '3' });
    layers = new LayerCache(app.t.db, app.changes);
    inProcess = { get: (id) => layers.get(id), county: () => countyFeature(app.t.db, layers), derive: (k, l, c) => layers.derive(k, l, c) };
    auth = { authorization: `Bearer ${await tokenFor(app, 'commander')}` };
  });
  afterAll(async () => app?.close());

  const fetchText = async (path: string, signedIn: boolean) => {
    const r = await fetch(`${app.url}${path}`, signedIn ? { headers: auth } : {});
    return { status: r.status, text: await r.text(), cache: r.headers.get('x-cache'), retryAfter: r.headers.get('retry-after') };
  };

  it.each([
    ['/api/analytics/risk-map?by=grid&cell=500&shape=hex&includeEmpty=true', true],
    ['/api/analytics/risk-map?by=grid&cell=1000&method=weighted', false],
    ['/api/analytics/risk-map?by=township', false],
    ['/api/analytics/risk-density?cell=500', false],
    ['/api/analytics/coverage?facility=fire-stations&riskWeighting=true', true],
    ['/api/analytics/coverage?facility=shelters', false],
  ] as const)('answers %s (signed in: %s) byte for byte as the in-process computation', async (path, signedIn) => {
    const got = await fetchText(path, signedIn);
    expect(got.status).toBe(200);
    const kind = path.includes('risk-map') ? 'risk-map' : path.includes('risk-density') ? 'risk-density' : 'coverage';
    const schema = { 'risk-map': RiskMapQuery, 'risk-density': DensityQuery, coverage: CoverageQuery }[kind];
    const job = { kind, query: schema.parse(query(path)), isPublic: !signedIn } as AnalyticsJob;
    expect(got.text).toBe(JSON.stringify(await computeAnalytics(job, inProcess, domain)));
  });

  it('answers the grid e-map and the density raster exactly as the geo functions do', async () => {
    const county = await countyFeature(app.t.db, layers);
    const riskPoints = (await layers.get('risk-points')) as never;
    const grid = await fetchText('/api/analytics/risk-map?by=grid&cell=300&shape=hex', true);
    const emap = riskEmapByGrid(county, riskPoints, { method: 'max', riskLevels: domain.riskLevels, weightedBands: [...domain.emap.weightedBands], cellM: 300, shape: 'hex', emap: domain.emap });
    expect(JSON.parse(grid.text)).toEqual(JSON.parse(JSON.stringify({ ...emap, by: 'grid', method: 'max' })));
    const density = await fetchText('/api/analytics/risk-density?cell=250&bandwidth=2000', true);
    const raster = riskDensity(county, riskPoints, { cellM: 250, bandwidthM: 2000, riskLevels: domain.riskLevels, emap: domain.emap });
    expect(JSON.parse(density.text)).toEqual(JSON.parse(JSON.stringify(raster)));
  });

  it('refuses with 503 overloaded + Retry-After when the worker is busy and the queue is full, then answers again', async () => {
    const paths = [300, 310, 320, 330, 340, 350].map((cell) => `/api/analytics/risk-map?by=grid&cell=${cell}&shape=hex&includeEmpty=true`);
    const answers = await Promise.all(paths.map((p) => fetchText(p, true)));
    const refused = answers.filter((a) => a.status === 503);
    // one computing, one waiting: the rest are refused at once
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(answers.filter((a) => a.status !== 503).every((a) => a.status === 200)).toBe(true);
    for (const a of refused) {
      expect(a.retryAfter).toBe('3');
      expect(JSON.parse(a.text).error).toMatchObject({ code: 'overloaded', details: { retryAfterSeconds: 3, queue: 1 } });
    }
    const again = await fetchText(paths[answers.findIndex((a) => a.status === 503)]!, true);
    expect(again.status).toBe(200);
  });

  it('shares one computation among identical concurrent requests (no refusal with a queue of 1)', async () => {
    const path = '/api/analytics/risk-map?by=grid&cell=360&shape=hex&includeEmpty=true';
    const answers = await Promise.all(Array.from({ length: 6 }, () => fetchText(path, true)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  });

  it('keeps an answer while other layers change and recomputes it when a layer it reads changes', async () => {
    const emap = '/api/analytics/risk-map?by=grid&cell=2500';
    const cover = '/api/analytics/coverage?facility=shelters';
    await fetchText(emap, false);
    await fetchText(cover, false);
    await sql`UPDATE shelters SET name = name WHERE id = (SELECT min(id) FROM shelters)`.execute(app.t.db);
    await app.changes.catchUp();
    expect((await fetchText(emap, false)).cache).toBe('hit');
    expect((await fetchText(cover, false)).cache).toBe('miss');
  });
});
