import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, TEST_PASSWORD, type TestApp } from './harness.js';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

describe.each(testBackends())('HTTP Basic and API keys on %s', (backend) => {
  let app: TestApp;
  let plannerToken: string;
  let adminToken: string;
  const call = (path: string, init: RequestInit = {}) => fetch(`${app.url}${path}`, init);
  const json = (method: string, body: unknown, headers: Record<string, string>) => ({ method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    app = await startTestApp(backend);
    plannerToken = await app.login('planner');
    adminToken = await app.login('admin');
  });
  afterAll(() => app?.close());

  it('signs a request in with HTTP Basic over the login', async () => {
    const me = await (await call('/api/auth/me', { headers: { authorization: basic('commander', TEST_PASSWORD) } })).json();
    expect(me).toMatchObject({ role: 'commander', user: { username: 'commander' } });
    const r = await call('/ogc/collections/risk-points/items?limit=1', { headers: { authorization: basic('commander', TEST_PASSWORD) } });
    expect(r.status).toBe(200);
  });

  it('answers wrong Basic credentials 401 with a Basic challenge, never as anonymous', async () => {
    const r = await call('/ogc/collections/shelters/items?limit=1', { headers: { authorization: basic('commander', 'wrong-password') } });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Basic realm="riskmap", charset="UTF-8"');
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('invalid_credentials');
  });

  it('challenges anonymous GIS clients where a layer needs a login, but not the web app\'s own scripts', async () => {
    const gis = await call('/ogc/collections/risk-points/items');
    expect(gis.status).toBe(401);
    expect(gis.headers.get('www-authenticate')).toMatch(/^Basic realm="riskmap"/);
    const web = await call('/ogc/collections/risk-points/items', { headers: { 'sec-fetch-mode': 'cors', 'sec-fetch-site': 'same-origin' } });
    expect(web.status).toBe(401);
    expect(web.headers.get('www-authenticate')).toBeNull();
  });

  it('creates a named, scoped API key shown once, accepted as X-API-Key or Bearer, and revoked', async () => {
    const created = await call('/api/api-keys', json('POST', { name: 'QGIS 规划科', scope: 'read' }, { authorization: `Bearer ${plannerToken}` }));
    expect(created.status).toBe(201);
    const { key, apiKey } = (await created.json()) as { key: string; apiKey: { id: number; name: string; scope: string; prefix: string } };
    expect(key).toMatch(/^rmk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'QGIS 规划科', scope: 'read', prefix: key.slice(0, 10) });
    const listed = await (await call('/api/api-keys', { headers: { authorization: `Bearer ${plannerToken}` } })).text();
    expect(listed).toContain('QGIS 规划科');
    expect(listed).not.toContain(key);

    for (const headers of [{ 'x-api-key': key }, { authorization: `Bearer ${key}` }]) {
      const me = await (await call('/api/auth/me', { headers })).json();
      expect(me).toMatchObject({ role: 'planner', user: { username: 'planner' } });
    }
    const used = (await (await call('/api/api-keys', { headers: { authorization: `Bearer ${plannerToken}` } })).json()) as { keys: { id: number; lastUsedAt: string | null }[] };
    expect(used.keys.find((k) => k.id === apiKey.id)!.lastUsedAt).not.toBeNull();

    const write = await call('/api/layers/shelters/1', json('PATCH', { version: 1, properties: { capacity: 1 } }, { 'x-api-key': key }));
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe('read_only_key');
    const mint = await call('/api/api-keys', json('POST', { name: 'x' }, { 'x-api-key': key }));
    expect(mint.status).toBe(403);

    expect((await call(`/api/api-keys/${apiKey.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${plannerToken}` } })).status).toBe(204);
    const revoked = await call('/api/auth/me', { headers: { 'x-api-key': key } });
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { error: { code: string } }).error.code).toBe('invalid_api_key');
  });

  it('lets a read-write key edit as its user, and an admin create and revoke keys for others only', async () => {
    const users = (await (await call('/api/users', { headers: { authorization: `Bearer ${adminToken}` } })).json()) as { users: { id: number; username: string }[] };
    const planner = users.users.find((u) => u.username === 'planner')!;
    const r = await call('/api/api-keys', json('POST', { name: 'GDAL 导出', scope: 'read-write', userId: planner.id }, { authorization: `Bearer ${adminToken}` }));
    expect(r.status).toBe(201);
    const { key, apiKey } = (await r.json()) as { key: string; apiKey: { id: number; username: string } };
    expect(apiKey.username).toBe('planner');
    const shelter = (await (await call('/api/layers/shelters?limit=1', { headers: { 'x-api-key': key } })).json()) as { features: { id: number; properties: { version: number } }[] };
    const f = shelter.features[0]!;
    const edit = await call(`/api/layers/shelters/${f.id}`, json('PATCH', { version: f.properties.version, properties: { capacity: 1234 } }, { 'x-api-key': key }));
    expect(edit.status).toBe(200);
    const other = await call('/api/api-keys', json('POST', { name: 'x', userId: planner.id + 1000 }, { authorization: `Bearer ${plannerToken}` }));
    expect(other.status).toBe(403);
    const bad = await call('/api/api-keys', json('POST', { name: '', scope: 'all' }, { authorization: `Bearer ${plannerToken}` }));
    expect(bad.status).toBe(400);
    expect((await call(`/api/api-keys/${apiKey.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${adminToken}` } })).status).toBe(204);
    expect((await call('/api/auth/me', { headers: { 'x-api-key': key } })).status).toBe(401);
  });
});
