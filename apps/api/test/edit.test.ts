import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { auditCount, call, newShelter, someShelter } from './edit-helpers.js';
import { LAYER_IDS, featureChange, storedFeatureSchema } from '@riskmap/contract';

describe.each(testBackends())('editing features on %s', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(() => app?.close());

  it('creates a shelter at version 1 and the layer then lists it', async () => {
    const at = (await someShelter(app, true)).lonLat;
    const r = await call(app, 'planner', 'POST', '/api/layers/shelters', newShelter('T-CREATE-1', at));
    expect(r.status).toBe(201);
    expect(r.body.properties).toMatchObject({ code: 'T-CREATE-1', version: 1, status: 'built' });
    const layer = await call(app, 'planner', 'GET', '/api/layers/shelters');
    expect(layer.body.features.some((f: any) => f.properties.code === 'T-CREATE-1')).toBe(true);
  });

  it('updates the changed properties with the version read and moves the version on', async () => {
    const s = await someShelter(app, false);
    const r = await call(app, 'planner', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version, properties: { capacity: 4321 } });
    expect(r.status).toBe(200);
    expect(r.body.properties).toMatchObject({ capacity: 4321, version: s.version + 1 });
  });

  it('answers 409 with the current record to an update with a stale version, and changes nothing', async () => {
    const s = await someShelter(app, false);
    await call(app, 'planner', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version, properties: { access: '东门' } });
    const stale = await call(app, 'planner', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version, properties: { access: '西门' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.details.current.properties).toMatchObject({ access: '东门', version: s.version + 1 });
    const row = await app.t.db.selectFrom('shelters').select(['access', 'version']).where('id', '=', s.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ access: '东门', version: s.version + 1 });
  });

  it('lets exactly one of two simultaneous updates of the same version win', async () => {
    const s = await someShelter(app, false);
    const [a, b] = await Promise.all([
      call(app, 'planner', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version, properties: { address: 'A' } }),
      call(app, 'admin', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version, properties: { address: 'B' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('soft-deletes: the layer no longer lists the feature, the row stays, and restore brings it back', async () => {
    const s = await someShelter(app, false);
    const del = await call(app, 'planner', 'DELETE', `/api/layers/shelters/${s.id}`, { version: s.version });
    expect(del.status).toBe(200);
    const listed = async () => (await call(app, 'commander', 'GET', '/api/layers/shelters')).body.features.some((f: any) => f.id === s.id);
    expect(await listed()).toBe(false);
    const row = await app.t.db.selectFrom('shelters').select(['deleted_at', 'version']).where('id', '=', s.id).executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
    expect(row.version).toBe(s.version + 1);
    const again = await call(app, 'planner', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version + 1, properties: { capacity: 1 } });
    expect(again.body.error.code).toBe('deleted');
    const restored = await call(app, 'planner', 'POST', `/api/layers/shelters/${s.id}/restore`, {});
    expect(restored.status).toBe(200);
    expect(restored.body.properties.version).toBe(s.version + 2);
    expect(await listed()).toBe(true);
  });

  it('refuses a delete with a stale version with 409', async () => {
    const s = await someShelter(app, false);
    const r = await call(app, 'planner', 'DELETE', `/api/layers/shelters/${s.id}?version=${s.version - 1 || 99}`);
    expect(r.status).toBe(409);
  });

  it('answers 404 for an unknown feature and an unknown layer', async () => {
    expect((await call(app, 'planner', 'PATCH', '/api/layers/shelters/999999', { version: 1, properties: {} })).status).toBe(404);
    expect((await call(app, 'planner', 'POST', '/api/layers/volcanoes', newShelter('X', [115.8, 36.1]))).status).toBe(404);
  });

  it('rejects an unknown status with 400 naming properties.status', async () => {
    const s = await someShelter(app, false);
    const r = await call(app, 'planner', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version, properties: { status: 'demolished' } });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields[0].field).toBe('properties.status');
  });

  it('rejects a new feature without a required property, naming it', async () => {
    const at = (await someShelter(app, true)).lonLat;
    const f = newShelter('T-MISSING', at);
    delete f.properties!.capacity;
    const r = await call(app, 'planner', 'POST', '/api/layers/shelters', f);
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields.map((x: any) => x.field)).toContain('properties.capacity');
  });

  it('rejects a negative capacity and an update without the version read', async () => {
    const s = await someShelter(app, false);
    const neg = await call(app, 'planner', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version, properties: { capacity: -5 } });
    expect(neg.body.error.details.fields[0].field).toBe('properties.capacity');
    const noVersion = await call(app, 'planner', 'PATCH', `/api/layers/shelters/${s.id}`, { properties: { capacity: 5 } });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.details.fields[0].field).toBe('version');
  });

  it('rejects an effective area larger than the total area, naming properties.effectiveAreaM2', async () => {
    const s = await someShelter(app, false);
    const r = await call(app, 'planner', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version, properties: { effectiveAreaM2: 1e8 } });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields[0].field).toBe('properties.effectiveAreaM2');
  });

  it('rejects a point far outside the county, naming geometry', async () => {
    const r = await call(app, 'planner', 'POST', '/api/layers/shelters', newShelter('T-FAR', [121.47, 31.23]));
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields[0].field).toBe('geometry');
  });

  it('rejects a self-intersecting polygon and an open ring, naming geometry', async () => {
    const rp = await app.t.db.selectFrom('risk_points').select(['id', 'version']).select((eb) => [eb.fn<number>('ST_X', [eb.fn('ST_Centroid', ['geom'])]).as('x'), eb.fn<number>('ST_Y', [eb.fn('ST_Centroid', ['geom'])]).as('y')]).orderBy('id').executeTakeFirstOrThrow();
    const [x, y] = [Number(rp.x), Number(rp.y)];
    const bowtie = { type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y + 0.001], [x + 0.001, y], [x, y + 0.001], [x, y]]] };
    const bad = await call(app, 'planner', 'PATCH', `/api/layers/risk-points/${rp.id}`, { version: rp.version, geometry: bowtie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('geometry');
    const open = { type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001]]] };
    const r = await call(app, 'planner', 'PATCH', `/api/layers/risk-points/${rp.id}`, { version: rp.version, geometry: open });
    expect(r.status).toBe(400);
    expect(String(r.body.error.details.fields[0].field)).toMatch(/^geometry/);
  });

  it('recognises swapped latitude and longitude, naming geometry', async () => {
    const [lon, lat] = (await someShelter(app, true)).lonLat;
    const r = await call(app, 'planner', 'POST', '/api/layers/shelters', newShelter('T-SWAP', [lat, lon]));
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields[0]).toMatchObject({ field: 'geometry', code: 'swapped-lon-lat' });
  });

  it('rejects an open site outline, naming properties.site', async () => {
    const s = await someShelter(app, false);
    const [x, y] = s.lonLat;
    const site = { type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001]]] };
    const r = await call(app, 'planner', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version, properties: { site } });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields[0].field).toBe('properties.site');
  });

  it('stores Chinese text, SQL-injection and script strings verbatim', async () => {
    const at = (await someShelter(app, true)).lonLat;
    const nasty = {
      name: "阳谷县'); DROP TABLE shelters; --",
      address: '<script>alert("x")</script> 狮子楼 & "引号"',
      access: "' OR '1'='1",
      contactPerson: '  张三  ',
    };
    const r = await call(app, 'planner', 'POST', '/api/layers/shelters', newShelter('T-NASTY', at, nasty));
    expect(r.status).toBe(201);
    const row = await app.t.db.selectFrom('shelters').select(['name', 'address', 'access', 'contact_person']).where('code', '=', 'T-NASTY').executeTakeFirstOrThrow();
    expect(row).toEqual({ name: nasty.name, address: nasty.address, access: nasty.access, contact_person: nasty.contactPerson });
    const count = await app.t.db.selectFrom('shelters').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(1);
  });

  it('appends to the shelter status history when the status changes', async () => {
    const s = await someShelter(app, false);
    const before = await app.t.db.selectFrom('shelter_status_history').selectAll().where('shelter_id', '=', s.id).execute();
    const current = await app.t.db.selectFrom('shelters').select('status').where('id', '=', s.id).executeTakeFirstOrThrow();
    const next = current.status === 'open' ? 'closed' : 'open';
    await call(app, 'planner', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version, properties: { status: next } });
    const after = await app.t.db.selectFrom('shelter_status_history').selectAll().where('shelter_id', '=', s.id).orderBy('id').execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ status: next, changed_by: 'planner' });
  });

  it('lets a scoped planner edit in their township but not outside it (403, nothing written)', async () => {
    const mine = await someShelter(app, true);
    const ok = await call(app, 'scoped-planner', 'PATCH', `/api/layers/shelters/${mine.id}`, { version: mine.version, properties: { capacity: 77 } });
    expect(ok.status).toBe(200);
    const other = await someShelter(app, false);
    const audits = await auditCount(app, 'shelters', other.id);
    const no = await call(app, 'scoped-planner', 'PATCH', `/api/layers/shelters/${other.id}`, { version: other.version, properties: { capacity: 77 } });
    expect(no.status).toBe(403);
    expect(no.body.error.code).toBe('outside_scope');
    expect(await auditCount(app, 'shelters', other.id)).toBe(audits);
  });

  it('does not let a scoped planner move a feature out of their township', async () => {
    const mine = await someShelter(app, true);
    const other = await someShelter(app, false);
    const r = await call(app, 'scoped-planner', 'PATCH', `/api/layers/shelters/${mine.id}`, { version: mine.version, properties: { townshipCode: other.township_code } });
    expect(r.status).toBe(403);
  });

  it('edits a township population (admin_areas) and keeps it a township', async () => {
    const t = await app.t.db.selectFrom('admin_areas').select(['id', 'version']).where('level', '=', 'township').orderBy('id').executeTakeFirstOrThrow();
    const r = await call(app, 'admin', 'PATCH', `/api/layers/townships/${t.id}`, { version: t.version, properties: { population: 12345 } });
    expect(r.status).toBe(200);
    expect(r.body.properties).toMatchObject({ population: 12345, level: 'township' });
  });

  it('documents the editing routes in the OpenAPI document with the schemas that validate them', async () => {
    const doc = (await call(app, undefined, 'GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/layers/{id}/{featureId}'])).toEqual(expect.arrayContaining(['delete', 'patch']));
    const body = JSON.stringify(doc.paths['/api/layers/{id}'].post.requestBody);
    expect(body).toContain('shelterClass');
    expect(body).toContain('"emergency"');
    expect(doc.paths['/api/auth/login'].post).toBeDefined();
    const answer = JSON.stringify(doc.paths['/api/layers/{id}/{featureId}'].patch.responses['200']);
    expect(answer).toContain('stationType');
    expect(answer).toContain('"class-1"');
  });

  it('answers an edit of every layer with a stored feature its layer schema in the contract describes', async () => {
    for (const layer of LAYER_IDS) {
      const page = await call(app, 'admin', 'GET', `/api/layers/${layer}?limit=1`);
      const f = page.body.features[0];
      expect(f, layer).toBeDefined();
      const r = await call(app, 'admin', 'PATCH', `/api/layers/${layer}/${f.id}`, { version: f.properties.version, properties: { name: f.properties.name } });
      expect(r.status, `${layer}: ${JSON.stringify(r.body.error)}`).toBe(200);
      const parsed = storedFeatureSchema(layer).safeParse(r.body);
      expect(parsed.error?.issues ?? [], layer).toEqual([]);
      expect(featureChange.responses[200].schema.safeParse(r.body).success, layer).toBe(true);
    }
  });

  it('records each committed change in the change table (seen by the bus), and nothing for a refused one', async () => {
    const seen: unknown[] = [];
    const stop = app.changes.subscribe((c) => seen.push({ layer: c.layer, id: c.id, action: c.action, version: c.version }));
    const s = await someShelter(app, false);
    await call(app, 'planner', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version, properties: { capacity: 10 } });
    await call(app, 'planner', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version, properties: { capacity: 11 } });
    stop();
    expect(seen).toEqual([{ layer: 'shelters', id: s.id, action: 'update', version: s.version + 1 }]);
    const row = await app.t.db.selectFrom('changes').select(['layer', 'feature_id', 'actor']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toEqual({ layer: 'shelters', feature_id: s.id, actor: 'planner' });
  });
});
