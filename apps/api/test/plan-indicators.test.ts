import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { call } from './edit-helpers.js';

describe.each(testBackends())('the plan scoreboard on %s', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, 'sample', {}, { clock: () => new Date('2026-12-01T04:00:00Z') });
  });
  afterAll(() => app?.close());

  it('lists the seven indicators with target, comparison and a judgement of the latest value', async () => {
    const r = await call(app, 'commander', 'GET', '/api/plan-indicators');
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: any) => [i.no, i.target, i.comparison])).toEqual([
      [1, 1, 'le'], [2, 0.5, 'le'], [3, 0.45, 'le'], [4, 0.01, 'le'], [5, 1.35, 'le'], [6, 0.25, 'lt'], [7, 2.5, 'ge'],
    ]);
    for (const i of r.body.items) {
      expect(i.latest).not.toBeNull();
      const v = i.latest.value;
      const meets = { le: v <= i.target, lt: v < i.target, ge: v >= i.target, gt: v > i.target }[i.comparison as 'le'];
      expect(i.meets).toBe(meets);
    }
    expect(r.body.sample).toBe(true);
  });

  it('computes indicator 7 with the same per-capita figure as the planning page', async () => {
    const seven = (await call(app, 'commander', 'GET', '/api/plan-indicators')).body.items.find((i: any) => i.no === 7);
    const planning = (await call(app, 'commander', 'GET', '/api/analytics/shelter-per-capita')).body;
    expect(seven.latest).toMatchObject({ year: 2026, computed: true, value: planning.countyTown.perCapitaM2 });
  });

  it('lets an admin enter a year with its source, versioned; others are refused', async () => {
    const path = '/api/plan-indicators/fire-deaths-per-100k/2019';
    expect((await call(app, 'planner', 'PUT', path, { value: 0.1, source: '统计公报' })).status).toBe(403);
    const created = await call(app, 'admin', 'PUT', path, { value: 0.1, source: '2019年统计公报' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ year: 2019, value: 0.1, source: '2019年统计公报', version: 1 });
    const stale = await call(app, 'admin', 'PUT', path, { value: 0.2, source: '应急局年报' });
    expect(stale.status).toBe(409);
    const updated = await call(app, 'admin', 'PUT', path, { value: 0.2, source: '应急局年报', version: 1 });
    expect(updated.body).toMatchObject({ value: 0.2, version: 2 });
    const missingSource = await call(app, 'admin', 'PUT', path, { value: 0.2, version: 2 });
    expect(missingSource.status).toBe(400);
    expect(missingSource.body.error.details.fields[0].field).toBe('source');
  });

  it('refuses to overwrite the computed indicator for the current year', async () => {
    const r = await call(app, 'admin', 'PUT', '/api/plan-indicators/shelter-per-capita-county-town/2026', { value: 9, source: 'x' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('computed');
  });
});
