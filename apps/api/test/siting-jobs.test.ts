import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitingRuns } from '@riskmap/db';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { call, pollJob, points } from './siting-helpers.js';

const demand = (n: number) => points(n, 7, (i, rnd) => ({ id: `d${i}`, weight: Math.round(10 + rnd() * 990) }));
const candidates = (n: number) => points(n, 11, (i) => ({ id: `c${i}` }));
const none = { type: 'FeatureCollection', features: [] };

describe.each(testBackends())('siting jobs on the %s backend', (backend) => {
  let app: TestApp;
  let planner: string;
  beforeAll(async () => {
    app = await startTestApp(backend);
    planner = await app.login('planner');
  });
  afterAll(async () => app?.close());

  it('answers a large instance with 202 and a job whose progress ends in the result', async () => {
    const body = { problem: 'mclp', p: 8, radiusM: 2000, demand: demand(5000), candidates: candidates(100), existing: none, exact: false, timeLimitMs: 2000 };
    const r = await call(app, 'POST', '/api/siting', planner, body);
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ status: expect.stringMatching(/queued|running/), timeLimitMs: 2000, problem: 'mclp' });
    const done = await pollJob(app, planner, r.body.id, (v) => v.status === 'done');
    expect(done.progress).toBe(1);
    expect(done.result.chosen).toHaveLength(8);
    expect(done.result.runId).toBe(r.body.id);
    expect(done.result.solver).toBe('heuristic');
  });

  it('a queued job gives the answer the same request gets in place, and polling never reads the request back', async () => {
    const jobs = sitingRuns;
    const body = { problem: 'mclp', p: 3, radiusM: 1500, async: true, timeLimitMs: 2000 };
    const r = await call(app, 'POST', '/api/siting', planner, body);
    expect(r.status).toBe(202);
    const done = await pollJob(app, planner, r.body.id, (v) => v.status === 'done');
    // What polling reads has no request column; the scenario path reads it whole.
    const polled = await jobs.get(app.t.db, r.body.id);
    expect(polled).toBeDefined();
    expect(Object.keys(polled!)).not.toContain('request');
    expect((await jobs.getWithRequest(app.t.db, r.body.id))!.request).toMatchObject({ problem: 'mclp', p: 3, radiusM: 1500 });
    // The same request answered in place gives the same sites.
    const inPlace = await call(app, 'POST', '/api/siting', planner, { ...body, async: false });
    expect(inPlace.status).toBe(200);
    expect(done.result.chosen.map((c: { id: string }) => c.id)).toEqual(inPlace.body.chosen.map((c: { id: string }) => c.id));
  });

  it('runs a small instance as a job when asked with async: true', async () => {
    const r = await call(app, 'POST', '/api/siting', planner, { problem: 'p-median', p: 3, async: true });
    expect(r.status).toBe(202);
    const done = await pollJob(app, planner, r.body.id, (v) => v.status !== 'queued' && v.status !== 'running');
    expect(done.status).toBe('done');
    expect(done.result.objectiveName).toBe('weightedImpedance');
  });

  it('cancels a running job by terminating its worker, and the API keeps answering meanwhile', async () => {
    const body = { problem: 'p-median', p: 10, demand: demand(2000), candidates: candidates(100), existing: none, exact: true, timeLimitMs: 120_000, async: true };
    const r = await call(app, 'POST', '/api/siting', planner, body);
    const running = await pollJob(app, planner, r.body.id, (v) => v.status === 'running');
    expect(running.status).toBe('running');
    expect((await call(app, 'GET', '/api/health')).status).toBe(200);
    const cancelled = await call(app, 'DELETE', `/api/siting/jobs/${r.body.id}`, planner);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await call(app, 'DELETE', `/api/siting/jobs/${r.body.id}`, planner)).status).toBe(409);
    const after = await call(app, 'POST', '/api/siting', planner, { problem: 'mclp', p: 2, radiusM: 1000 });
    expect(after.status).toBe(200);
  });

  it('returns the best solution of a job that reaches its time budget, and says so', async () => {
    const body = { problem: 'p-median', p: 10, demand: demand(2000), candidates: candidates(100), existing: none, exact: true, timeLimitMs: 2000, async: true };
    const r = await call(app, 'POST', '/api/siting', planner, body);
    const done = await pollJob(app, planner, r.body.id, (v) => v.status === 'done' || v.status === 'failed');
    expect(done.error ?? null).toBe(null);
    expect(done.status).toBe('done');
    expect(done.result.chosen).toHaveLength(10);
    expect(done.result.optimal).toBe(false);
    expect(done.result.timeLimitReached).toBe(true);
    expect(done.result.note).toMatch(/time budget/);
  });

  it('hands out a job instead of waiting when every worker is busy', async () => {
    const long = { problem: 'p-median', p: 10, demand: demand(2000), candidates: candidates(100), existing: none, exact: true, timeLimitMs: 120_000, async: true };
    const ids = [(await call(app, 'POST', '/api/siting', planner, long)).body.id, (await call(app, 'POST', '/api/siting', planner, long)).body.id];
    const small = await call(app, 'POST', '/api/siting', planner, { problem: 'mclp', p: 2, radiusM: 1000 });
    expect(small.status).toBe(202);
    for (const id of ids) expect((await call(app, 'DELETE', `/api/siting/jobs/${id}`, planner)).body.status).toBe('cancelled');
    const done = await pollJob(app, planner, small.body.id, (v) => v.status === 'done');
    expect(done.result.chosen).toHaveLength(2);
  });

  it('answers 404 for an unknown job and 403 to a commander', async () => {
    expect((await call(app, 'GET', '/api/siting/jobs/nope', planner)).status).toBe(404);
    expect((await call(app, 'GET', '/api/siting/jobs/nope', await app.login('commander'))).status).toBe(403);
    expect((await call(app, 'GET', '/api/siting/jobs/nope')).status).toBe(401);
  });
});
