import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { call } from './siting-helpers.js';

describe.each(testBackends())('siting scenarios on the %s backend', (backend) => {
  let app: TestApp;
  let planner: string;
  beforeAll(async () => {
    app = await startTestApp(backend);
    planner = await app.login('planner');
  });
  afterAll(async () => app?.close());

  it('saves a run by its runId, lists it without the result, reads it whole and deletes it', async () => {
    const params = { problem: 'mclp', p: 3, radiusM: 1500 };
    const run = (await call(app, 'POST', '/api/siting', planner, params)).body;
    const saved = await call(app, 'POST', '/api/siting/scenarios', planner, { name: '三处新避难场所', runId: run.runId });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: '三处新避难场所', problem: 'mclp', createdBy: 'planner', version: 1 });
    const list = await call(app, 'GET', '/api/siting/scenarios?problem=mclp', planner);
    const row = list.body.scenarios.find((s: any) => s.id === saved.body.id);
    expect(row).toMatchObject({ name: '三处新避难场所', params: { problem: 'mclp', p: 3, radiusM: 1500 } });
    expect(row.result).toBeUndefined();
    const one = await call(app, 'GET', `/api/siting/scenarios/${saved.body.id}`, await app.login('commander'));
    expect(one.body.result.chosen).toEqual(run.chosen);
    expect((await call(app, 'DELETE', `/api/siting/scenarios/${saved.body.id}`, planner)).status).toBe(204);
    expect((await call(app, 'GET', `/api/siting/scenarios/${saved.body.id}`, planner)).status).toBe(404);
  });

  it('saves a scenario from params and a result the client holds', async () => {
    const params = { problem: 'shelter-gap', objective: 'least-area' };
    const result = (await call(app, 'POST', '/api/siting', planner, params)).body;
    const saved = await call(app, 'POST', '/api/siting/scenarios', planner, { name: 'least area', params, result });
    expect(saved.status).toBe(201);
    expect(saved.body.result.areaAddedM2).toBe(result.areaAddedM2);
  });

  it.each([
    ['an empty name', { name: ' ', runId: '00000000-0000-4000-8000-000000000000' }, 400],
    ['an unknown run', { name: 'x', runId: '00000000-0000-4000-8000-000000000000' }, 404],
    ['a result of another problem', { name: 'x', params: { problem: 'mclp', p: 1, radiusM: 100 }, result: { problem: 'p-median', chosen: [] } }, 400],
  ])('rejects %s', async (_what, body, status) => {
    expect((await call(app, 'POST', '/api/siting/scenarios', planner, body)).status).toBe(status);
  });

  it('lets commanders read but not write scenarios, and the public neither', async () => {
    const commander = await app.login('commander');
    expect((await call(app, 'GET', '/api/siting/scenarios', commander)).status).toBe(200);
    expect((await call(app, 'POST', '/api/siting/scenarios', commander, { name: 'x', runId: '00000000-0000-4000-8000-000000000000' })).status).toBe(403);
    expect((await call(app, 'DELETE', '/api/siting/scenarios/1', commander)).status).toBe(403);
    expect((await call(app, 'GET', '/api/siting/scenarios')).status).toBe(401);
  });
});
