import { sql } from '@riskmap/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { call } from './edit-helpers.js';
import { TokenBuckets, requestCost } from '../src/http/rate-limit.js';
import { countVertices } from '../src/validation/geometry-shape.js';
import { unstorable } from '../src/validation/storable.js';

const ring = (n: number) => {
  const r: number[][] = [];
  for (let i = 0; i < n; i += 1) r.push([115.79 + 0.01 * Math.cos((2 * Math.PI * i) / n), 36.11 + 0.01 * Math.sin((2 * Math.PI * i) / n)]);
  r.push(r[0]!);
  return r;
};
const shelter = (code: string, geometry: unknown, props: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry,
  properties: { code, name: '测试', shelterClass: 'emergency', siteType: 'park', totalAreaM2: 5000, effectiveAreaM2: 3000, capacity: 100, status: 'built', ...props },
});

describe.each(testBackends())('staying up under heavy and unstorable requests on the %s backend', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, 'sample', { GEOMETRY_MAX_VERTICES: '5000', GEOMETRY_WORKER_VERTICES: '500', PUBLIC_MAX_RESPONSE_BYTES: '200000' });
  });
  afterAll(async () => app?.close());

  it('refuses a polygon above the vertex limit with 413 naming the field, and checks a large one off the main thread', async () => {
    const big = await call(app, 'planner', 'POST', '/api/layers/shelters', shelter('v-big', { type: 'Point', coordinates: [115.79, 36.11] }, { site: { type: 'Polygon', coordinates: [ring(6000)] } }));
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'geometry_too_large', details: { fields: [{ field: 'properties.site' }], maxVertices: 5000 } });
    const bowtie = [[115.7, 36.1], ...ring(800).slice(1, 400), [115.8, 36.2], [115.8, 36.1], [115.7, 36.2], [115.7, 36.1]];
    const kinked = await call(app, 'planner', 'POST', '/api/layers/shelters', shelter('v-kink', { type: 'Point', coordinates: [115.79, 36.11] }, { site: { type: 'Polygon', coordinates: [bowtie] } }));
    expect(kinked.status).toBe(400);
    expect(kinked.body.error.details.fields[0]).toMatchObject({ field: 'properties.site', code: 'self-intersection' });
  });

  it('serves a repeated analytics answer from the cache until the data changes', async () => {
    const path = '/api/analytics/risk-map?by=grid&cell=2000';
    const first = await fetch(`${app.url}${path}`);
    const second = await fetch(`${app.url}${path}&`);
    expect([first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual(['miss', 'hit']);
    expect(await second.text()).toBe(await first.text());
    // a change made in the database (the trigger writes the change row) moves the revision the cache is keyed on
    await sql`UPDATE risk_points SET name = name WHERE id = (SELECT min(id) FROM risk_points)`.execute(app.t.db);
    await app.changes.catchUp();
    expect((await fetch(`${app.url}${path}`)).headers.get('x-cache')).toBe('miss');
  });

  it('gives anonymous callers coarser limits: no empty cells below 500 m, and a response-size cap', async () => {
    const fine = await call(app, undefined, 'GET', '/api/analytics/risk-map?by=grid&cell=100&shape=hex&includeEmpty=true');
    expect(fine.status).toBe(400);
    expect(fine.body.error.details.fields[0].field).toBe('includeEmpty');
    const large = await call(app, undefined, 'GET', '/api/analytics/risk-map?by=grid&cell=500&includeEmpty=true');
    expect(large.status).toBe(413);
    expect(large.body.error).toMatchObject({ code: 'response_too_large', details: { fields: [{ field: 'cell' }] } });
    expect((await call(app, 'commander', 'GET', '/api/analytics/risk-map?by=grid&cell=500&includeEmpty=true')).status).toBe(200);
  });

  it('refuses NUL text and int4 overflow with 400 naming the field', async () => {
    const nul = await call(app, 'planner', 'POST', '/api/layers/shelters', shelter('nul-1', { type: 'Point', coordinates: [115.79, 36.11] }, { name: 'a\u0000b' }));
    expect(nul.status).toBe(400);
    expect(nul.body.error.details.fields[0].field).toBe('properties.name');
    const big = await call(app, 'planner', 'POST', '/api/layers/shelters', shelter('int-1', { type: 'Point', coordinates: [115.79, 36.11] }, { capacity: 2 ** 31 }));
    expect(big.status).toBe(400);
    expect(big.body.error.details.fields[0].field).toBe('properties.capacity');
    const query = await call(app, undefined, 'GET', '/api/layers/shelters?status=open%00');
    expect(query.status).toBe(400);
    expect(query.body.error.details.fields[0].field).toBe('query.status');
    const login = await call(app, undefined, 'POST', '/api/auth/login', { username: 'ad\u0000min', password: 'x' });
    expect(login.status).toBe(400);
    expect(login.body.error.details.fields[0].field).toBe('username');
  });

  it('answers health degraded (503, which part, no server text) once the database is gone', async () => {
    const other = await startTestApp(backend, 'empty');
    await other.t.close();
    const res = await fetch(`${other.url}/api/health`);
    const body = await res.json();
    await other.close().catch(() => {});
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(body).toEqual({ status: 'degraded', degraded: ['database'], database: { backend, state: 'unavailable' } });
  });
});

describe('cost-weighted rate limit and input scans', () => {
  it('charges heavier analytics more tokens, capped at the burst', () => {
    const b = new TokenBuckets(20, 300);
    const cost = requestCost(20);
    const req = (url: string, cell?: string) => ({ originalUrl: url, query: cell ? { cell } : {} }) as never;
    expect(cost(req('/api/shelters/nearest'))).toBe(1);
    expect(cost(req('/api/analytics/risk-map', '500'))).toBe(20);
    expect(cost(req('/api/analytics/risk-map', '100'))).toBe(500);
    expect(b.take('a', 0, 500)).toBe(0);
    expect(b.take('a', 0, 20)).toBeGreaterThan(0);
    expect(b.take('b', 0, 1)).toBe(0);
  });

  it('finds the path of NUL text and of too-deep nesting, and counts vertices', () => {
    expect(unstorable({ a: [{ b: 'x\u0000' }] })).toMatchObject({ field: 'a.0.b' });
    expect(unstorable(JSON.parse('['.repeat(40) + ']'.repeat(40)))?.message).toMatch(/deeper/);
    expect(unstorable({ a: 'fine', n: 1e300 })).toBeNull();
    expect(countVertices({ type: 'MultiPolygon', coordinates: [[ring(10)], [ring(5), ring(4)]] })).toBe(11 + 6 + 5);
  });
});
