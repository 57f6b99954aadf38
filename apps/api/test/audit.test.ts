import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { auditCount, call, newShelter, someShelter } from './edit-helpers.js';

describe.each(testBackends())('audit log on %s', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(() => app?.close());

  it('shows the history of a feature, newest first: who, when, what, before and after', async () => {
    const at = (await someShelter(app, true)).lonLat;
    const created = await call(app, 'planner', 'POST', '/api/layers/shelters', newShelter('T-AUDIT', at));
    const id = created.body.id as number;
    await call(app, 'admin', 'PATCH', `/api/layers/shelters/${id}`, { version: 1, properties: { capacity: 2000 } });
    await call(app, 'planner', 'DELETE', `/api/layers/shelters/${id}`, { version: 2 });
    await call(app, 'planner', 'POST', `/api/layers/shelters/${id}/restore`, {});
    const r = await call(app, 'commander', 'GET', `/api/audit?layer=shelters&id=${id}`);
    expect(r.status).toBe(200);
    expect(r.body.entries.map((e: any) => [e.action, e.actor])).toEqual([
      ['restore', 'planner'],
      ['delete', 'planner'],
      ['update', 'admin'],
      ['create', 'planner'],
    ]);
    const update = r.body.entries[2];
    expect(update.before.properties.capacity).toBe(1500);
    expect(update.after.properties.capacity).toBe(2000);
    expect(Date.parse(update.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(r.body.entries[1].after.deletedAt).not.toBeNull();
  });

  it('writes no audit entry and no change when an edit fails inside its transaction', async () => {
    const site = await app.t.db.selectFrom('candidate_sites').select(['id', 'version', 'area_m2']).orderBy('id').executeTakeFirstOrThrow();
    const before = await auditCount(app, 'candidate-sites', site.id);
    const r = await call(app, 'planner', 'PATCH', `/api/layers/candidate-sites/${site.id}`, { version: site.version, properties: { effectiveAreaM2: site.area_m2 + 1 } });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields[0].field).toBe('properties.effectiveAreaM2');
    const after = await app.t.db.selectFrom('candidate_sites').select('version').where('id', '=', site.id).executeTakeFirstOrThrow();
    expect(after.version).toBe(site.version);
    expect(await auditCount(app, 'candidate-sites', site.id)).toBe(before);
  });

  it('rolls back a create refused after the insert (outside a planner’s township), leaving no row and no audit', async () => {
    const other = await someShelter(app, false);
    const before = await auditCount(app, 'shelters');
    const r = await call(app, 'scoped-planner', 'POST', '/api/layers/shelters', newShelter('T-OUT', other.lonLat, { townshipCode: other.township_code }));
    expect(r.status).toBe(403);
    expect(await app.t.db.selectFrom('shelters').select('id').where('code', '=', 'T-OUT').executeTakeFirst()).toBeUndefined();
    expect(await auditCount(app, 'shelters')).toBe(before);
  });

  it('answers 409 naming the code when a new feature reuses one', async () => {
    const s = await someShelter(app, true);
    const code = (await app.t.db.selectFrom('shelters').select('code').where('id', '=', s.id).executeTakeFirstOrThrow()).code;
    const r = await call(app, 'planner', 'POST', '/api/layers/shelters', newShelter(code, s.lonLat));
    expect(r.status).toBe(409);
    expect(r.body.error.details.fields[0].field).toBe('properties.code');
  });

  it('rejects an unknown layer filter with 400 naming layer', async () => {
    const r = await call(app, 'commander', 'GET', '/api/audit?layer=volcanoes');
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields[0].field).toBe('layer');
  });
});
