import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, TEST_PASSWORD, type TestApp } from './harness.js';

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe.each(testBackends())('auth on %s', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, 'sample', { LOGIN_BACKOFF_BASE_S: '600' });
  });
  afterAll(() => app?.close());

  it('signs in with username and password, sets an HttpOnly SameSite=Lax cookie and returns a bearer token', async () => {
    const r = await fetch(`${app.url}/api/auth/login`, json({ username: 'planner', password: TEST_PASSWORD }));
    expect(r.status).toBe(200);
    const body = (await r.json()) as { token: string; user: { role: string } };
    expect(body.user.role).toBe('planner');
    expect(body.token).toMatch(/^[\w-]{40,}$/);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^riskmap_session=[\w-]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
  });

  it('knows the user from the cookie alone', async () => {
    const r = await fetch(`${app.url}/api/auth/login`, json({ username: 'commander', password: TEST_PASSWORD }));
    const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
    const me = await (await fetch(`${app.url}/api/auth/me`, { headers: { cookie } })).json();
    expect(me).toMatchObject({ role: 'commander', user: { username: 'commander', role: 'commander' } });
  });

  it('treats a request without a session as the public role', async () => {
    expect(await (await fetch(`${app.url}/api/auth/me`)).json()).toEqual({ role: 'public', user: null });
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    const wrong = await fetch(`${app.url}/api/auth/login`, json({ username: 'planner', password: 'nope-nope' }));
    const unknown = await fetch(`${app.url}/api/auth/login`, json({ username: 'nobody', password: 'nope-nope' }));
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('stores passwords as salted scrypt hashes, never in plain text', async () => {
    const rows = await app.t.db.selectFrom('users').select(['username', 'password_hash']).execute();
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w+/=]+\$[\w+/=]+$/);
      expect(r.password_hash).not.toContain(TEST_PASSWORD);
    }
    const planners = rows.filter((r) => r.username.includes('planner'));
    expect(planners[0]!.password_hash).not.toBe(planners[1]!.password_hash);
  });

  it('ends the session on logout', async () => {
    const token = await app.login('planner');
    const auth = { authorization: `Bearer ${token}` };
    expect((await fetch(`${app.url}/api/auth/logout`, { method: 'POST', headers: auth })).status).toBe(204);
    expect(await (await fetch(`${app.url}/api/auth/me`, { headers: auth })).json()).toEqual({ role: 'public', user: null });
  });

  it('creates the first admin once: running the bootstrap again changes nothing', async () => {
    const { ensureFirstAdmin } = await import('../src/auth/bootstrap-admin.js');
    expect(await ensureFirstAdmin(app.t.db, { username: 'admin', password: 'another-password' })).toBe(false);
    const admins = await app.t.db.selectFrom('users').select('username').where('role', '=', 'admin').execute();
    expect(admins.map((a) => a.username)).toEqual(['admin']);
    expect((await fetch(`${app.url}/api/auth/login`, json({ username: 'admin', password: 'another-password' }))).status).toBe(401);
  });

  it('lets an admin create a scoped planner who can then sign in', async () => {
    const token = await app.login('admin');
    const r = await fetch(`${app.url}/api/users`, {
      ...json({ username: '规划员甲', password: 'Kestrel-harbour-97', role: 'planner', townshipCode: app.scopeTownship }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    expect(r.status).toBe(201);
    expect(((await r.json()) as { user: unknown }).user).toMatchObject({ username: '规划员甲', role: 'planner', townshipCode: app.scopeTownship });
    const login = await fetch(`${app.url}/api/auth/login`, json({ username: '规划员甲', password: 'Kestrel-harbour-97' }));
    expect(((await login.json()) as { user: unknown }).user).toMatchObject({ townshipCode: app.scopeTownship });
  });

  it('rejects a scope that is not a township, naming townshipCode', async () => {
    const token = await app.login('admin');
    const r = await fetch(`${app.url}/api/users`, {
      ...json({ username: 'x1', password: 'Kestrel-harbour-97', role: 'planner', townshipCode: '999999' }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(await r.json())).toContain('townshipCode');
  });

  it('signs out every session of a user whose role an admin changes', async () => {
    const admin = await app.login('admin');
    const users = (await (await fetch(`${app.url}/api/users`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { users: { id: number; username: string }[] };
    const target = users.users.find((u) => u.username === 'commander')!;
    const token = await app.login('commander');
    const r = await fetch(`${app.url}/api/users/${target.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ role: 'planner' }),
    });
    expect(((await r.json()) as { user: unknown }).user).toMatchObject({ role: 'planner' });
    expect(await (await fetch(`${app.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json()).toMatchObject({ role: 'public' });
    await fetch(`${app.url}/api/users/${target.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ role: 'commander' }) });
  });

  it('refuses to demote or disable the last enabled admin with 409', async () => {
    const admin = await app.login('admin');
    const self = ((await (await fetch(`${app.url}/api/auth/me`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { user: { id: number } }).user;
    for (const change of [{ role: 'planner' }, { disabled: true }]) {
      const r = await fetch(`${app.url}/api/users/${self.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify(change),
      });
      expect(r.status).toBe(409);
    }
    expect(await (await fetch(`${app.url}/api/auth/me`, { headers: { authorization: `Bearer ${admin}` } })).json()).toMatchObject({ role: 'admin' });
  });

  it('backs off a username from one address after three free failures, answering 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${app.url}/api/auth/login`, json({ username: 'brute', password: `guess-${i}` }))).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const blocked = await fetch(`${app.url}/api/auth/login`, json({ username: 'brute', password: 'x' }));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const rows = await app.t.db.selectFrom('login_throttle').selectAll().where('username', '=', 'brute').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.failures).toBe(4);
  });
});
