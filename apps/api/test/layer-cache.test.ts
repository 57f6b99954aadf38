import { getLayer, LAYERS } from '@riskmap/db';
import { testBackends } from '@riskmap/db/testing';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayerCache } from '../src/services/layer-cache.js';
import { startTestApp, type TestApp } from './harness.js';
import { queryGate } from './query-gate.js';

/** A SELECT whose FROM names `table`. */
const selectFrom = (table: string) => (node: RootOperationNode) =>
  node.kind === 'SelectQueryNode' && (node.from?.froms ?? []).some((f) => (f as { table?: { identifier?: { name?: string } } }).table?.identifier?.name === table);

/** A plugin that counts the rows each matching query answered. */
function rowCounter(match: (node: RootOperationNode) => boolean) {
  const counts: number[] = [];
  const mine = new WeakSet<object>();
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      if (match(node)) mine.add(queryId);
      return node;
    },
    async transformResult({ queryId, result }) {
      if (mine.has(queryId)) counts.push(result.rows.length);
      return result;
    },
  };
  return { plugin, counts };
}

describe.each(testBackends())('the layer cache on the %s backend', (backend) => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp(backend);
    token = await app.login('planner');
  });
  afterAll(async () => app?.close());

  const send = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${app.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as { id: number; properties: { version: number } };
  };
  const shelter = (code: string, lon: number) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, 36.11] },
    properties: { code, name: `缓存测试 ${code}`, shelterClass: 'emergency', siteType: 'park', totalAreaM2: 5000, effectiveAreaM2: 3000, capacity: 1000, status: 'open', isPublic: true },
  });

  it('after edits reads only the changed rows and holds exactly what a full read holds', async () => {
    const counter = rowCounter(selectFrom('shelters'));
    const cache = new LayerCache(app.t.db.withPlugin(counter.plugin), app.changes);
    const before = await cache.get('shelters');
    expect(counter.counts).toEqual([before.features.length]);
    const [a, b] = before.features;
    const created = await send('POST', '/api/layers/shelters', shelter('LC-NEW-1', 115.791));
    await send('PATCH', `/api/layers/shelters/${a!.id}`, { version: a!.properties!.version, properties: { capacity: 4321 } });
    await send('DELETE', `/api/layers/shelters/${b!.id}`, { version: b!.properties!.version });
    await app.changes.catchUp();

    const after = await cache.get('shelters');
    // the changed rows only: the new one and the updated one (the deleted one is no longer a live row)
    expect(counter.counts).toEqual([before.features.length, 2]);
    expect(after).toEqual(await getLayer(app.t.db, LAYERS.shelters));
    expect(after.features.find((f) => f.id === a!.id)?.properties?.capacity).toBe(4321);
    expect(after.features.some((f) => f.id === b!.id)).toBe(false);
    expect(after.features.at(-1)?.id).toBe(created.id);
    // unchanged features are the same objects (what lets derived projections be reused)
    const kept = before.features[2]!;
    expect(after.features.find((f) => f.id === kept.id)).toBe(kept);
    expect(await cache.get('shelters')).toBe(after);
  });

  it('answers a derived value from the previous layers while the new one waits for the database, when allowed', async () => {
    let armed = false;
    const gate = queryGate((node) => armed && selectFrom('shelters')(node));
    const cache = new LayerCache(app.t.db.withPlugin(gate.plugin), app.changes);
    const count = () => cache.get('shelters').then((fc) => fc.features.length);
    const n0 = await cache.derive('count', ['shelters'], count, { staleMs: 600_000 });

    await send('POST', '/api/layers/shelters', shelter('LC-NEW-2', 115.792));
    await app.changes.catchUp();
    armed = true;

    // the re-read of the changed shelters is held: a caller that allows it gets the previous value at once
    const stale = cache.derive('count', ['shelters'], count, { staleMs: 600_000 });
    await gate.reached;
    expect(await stale).toBe(n0);
    // a caller that does not allow it waits for the new value
    const fresh = cache.derive('count', ['shelters'], count);
    const state = await Promise.race([fresh.then(() => 'answered'), new Promise((r) => setImmediate(() => r('waiting')))]);
    expect(state).toBe('waiting');

    gate.release();
    expect(await fresh).toBe(n0 + 1);
    expect(await cache.derive('count', ['shelters'], count, { staleMs: 600_000 })).toBe(n0 + 1);
  });

  it('the public finder keeps answering, from the shelters before the change, while the changed ones are read', async () => {
    const lon = 115.793;
    const near = () => fetch(`${app.url}/api/shelters/nearest?lon=${lon}&lat=36.11&k=1`).then((r) => r.json() as Promise<{ shelters: { code: string }[] }>);
    const first = await near();
    await send('POST', '/api/layers/shelters', shelter('LC-FINDER', lon));
    await app.changes.catchUp();
    // eventually (the rebuild needs no request to wait for it) the new shelter is the nearest
    await expect.poll(async () => (await near()).shelters[0]?.code, { timeout: 20_000 }).toBe('LC-FINDER');
    expect(first.shelters[0]?.code).not.toBe('LC-FINDER');
  });
});
