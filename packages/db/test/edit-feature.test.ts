import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS, createFeature, deleteFeature, getLayer, listAudit, readFeatureForEdit, restoreFeature, updateFeature, type EditOutcome } from '../src/index.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../src/testing/index.js';

const ctx = { actor: '测试员' };

describe.each(testBackends())('feature edits on %s', (backend) => {
  let t: TestDatabase;
  let shelterId: number;
  beforeAll(async () => {
    t = await openTestDatabase(backend, 'sample');
    shelterId = (await t.db.selectFrom('shelters').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t?.close());

  const version = async (id: number) => (await t.db.selectFrom('shelters').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

  it('writes the change and its audit entry (before and after) together', async () => {
    const v = await version(shelterId);
    const out = await t.db.transaction().execute((trx) => updateFeature(trx, LAYERS.shelters, shelterId, v, { properties: { capacity: 999 } }, ctx));
    expect(out).toMatchObject({ ok: true, action: 'update', version: v + 1 });
    const [entry] = await listAudit(t.db, { layer: 'shelters', featureId: shelterId, limit: 1 });
    expect(entry).toMatchObject({ actor: '测试员', action: 'update', after: { properties: { capacity: 999, version: v + 1 } } });
    expect((entry!.before as { properties: { version: number } }).properties.version).toBe(v);
  });

  it('leaves neither the change nor the audit entry when the transaction fails after the edit', async () => {
    const v = await version(shelterId);
    const audits = (await listAudit(t.db, { layer: 'shelters', featureId: shelterId })).length;
    await expect(
      t.db.transaction().execute(async (trx) => {
        await updateFeature(trx, LAYERS.shelters, shelterId, v, { properties: { capacity: 1 } }, ctx);
        expect((await listAudit(trx, { layer: 'shelters', featureId: shelterId })).length).toBe(audits + 1);
        throw new Error('failure after the audit entry was written');
      }),
    ).rejects.toThrow('failure after');
    expect(await version(shelterId)).toBe(v);
    expect((await listAudit(t.db, { layer: 'shelters', featureId: shelterId })).length).toBe(audits);
  });

  it('reports a stale version with the current record and changes nothing', async () => {
    const v = await version(shelterId);
    const out: EditOutcome = await t.db.transaction().execute((trx) => updateFeature(trx, LAYERS.shelters, shelterId, v - 1, { properties: { capacity: 2 } }, ctx));
    expect(out).toMatchObject({ ok: false, reason: 'stale' });
    expect(!out.ok && out.current?.version).toBe(v);
    expect(await version(shelterId)).toBe(v);
  });

  it('soft-deletes out of the layer and restores into it, each audited', async () => {
    const v = await version(shelterId);
    await t.db.transaction().execute((trx) => deleteFeature(trx, LAYERS.shelters, shelterId, v, ctx));
    expect((await getLayer(t.db, LAYERS.shelters)).features.some((f) => f.id === shelterId)).toBe(false);
    expect((await readFeatureForEdit(t.db, LAYERS.shelters, shelterId))?.deletedAt).not.toBeNull();
    const restored = await t.db.transaction().execute((trx) => restoreFeature(trx, LAYERS.shelters, shelterId, undefined, ctx));
    expect(restored).toMatchObject({ ok: true, version: v + 2 });
    expect((await getLayer(t.db, LAYERS.shelters)).features.some((f) => f.id === shelterId)).toBe(true);
    const actions = (await listAudit(t.db, { layer: 'shelters', featureId: shelterId, limit: 2 })).map((e) => e.action);
    expect(actions).toEqual(['restore', 'delete']);
  });

  it('creates a feature with an audit entry whose before is null', async () => {
    const out = await t.db.transaction().execute((trx) =>
      createFeature(trx, LAYERS['fire-stations'], { geometry: { type: 'Point', coordinates: [115.8, 36.1] }, properties: { code: 'FS-EDIT', name: '测试消防站', stationType: 'micro' } }, ctx),
    );
    expect(out.ok).toBe(true);
    const [entry] = await listAudit(t.db, { layer: 'fire-stations', featureId: out.ok ? (out.feature.id as number) : -1 });
    expect(entry).toMatchObject({ action: 'create', before: null, after: { properties: { code: 'FS-EDIT', version: 1 } } });
  });
});
