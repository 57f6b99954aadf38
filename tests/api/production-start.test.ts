import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { failingStart, startServer, type RunningServer } from '../support/server.js';

const START_MS = 240_000;
const login = (url: string, username: string, password: string) =>
  fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

describe('a production start (real server process, embedded database)', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'riskmap-prod-')), 'pglite');
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });
  const FIRST = 'Yanggu-county-control-7391';
  const SECOND = 'Rotated-after-audit-5528';

  it.each([
    ['riskmap-dev-admin', /known development password/],
    ['aaaaaaaaaaaa', /fewer than 6 different characters/],
    ['password', /shorter than 12/],
    ['Password123!', /commonly used/],
  ])('refuses ADMIN_PASSWORD=%s', async (password, reason) => {
    const { code, output } = await failingStart({ NODE_ENV: 'production', PGLITE_DATA_DIR: dataDir, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: password });
    expect(code).toBe(1);
    expect(output).toMatch(/invalid setting ADMIN_PASSWORD: too weak for production/);
    expect(output).toMatch(reason);
  });

  it('a development run leaves its dev admin; production then rotates it to ADMIN_PASSWORD and loads no sample', async () => {
    // A development start first (as a county might try the platform), with the default dev admin and the sample.
    server = await startServer({ NODE_ENV: 'development', PGLITE_DATA_DIR: dataDir, LOAD_SAMPLE: 'false', LOG_LEVEL: 'info' }, START_MS);
    expect((await login(server.url, 'admin', 'riskmap-dev-admin')).status).toBe(200);
    await server.stop();

    server = await startServer({ NODE_ENV: 'production', PGLITE_DATA_DIR: dataDir, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: FIRST, LOG_LEVEL: 'info' }, START_MS);
    expect((await login(server.url, 'admin', FIRST)).status).toBe(200);
    expect((await login(server.url, 'admin', 'riskmap-dev-admin')).status).toBe(401);
    expect(server.output()).toMatch(/set the admin password from ADMIN_PASSWORD/);
    expect(server.output()).not.toContain(FIRST);
    const shelters = await (await fetch(`${server.url}/api/layers/shelters`)).json();
    expect(shelters.features).toEqual([]);
    expect(server.output()).not.toMatch(/示例数据/);
  }, 3 * START_MS);

  it('rotates again on the next start: the new password works, the old one is refused, the rotation is audited', async () => {
    await server!.stop();
    server = await startServer({ NODE_ENV: 'production', PGLITE_DATA_DIR: dataDir, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: SECOND, LOG_LEVEL: 'info' }, START_MS);
    expect((await login(server.url, 'admin', FIRST)).status).toBe(401);
    const ok = await login(server.url, 'admin', SECOND);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/; Secure/);
    const { token } = (await ok.json()) as { token: string };
    const audit = await (await fetch(`${server.url}/api/audit?layer=users`, { headers: { authorization: `Bearer ${token}` } })).json();
    const rotations = audit.entries ?? audit;
    expect(JSON.stringify(rotations)).toMatch(/admin_rotate/);
    expect(JSON.stringify(rotations)).not.toContain(SECOND);
    expect(server.output()).not.toContain(SECOND);
  }, 2 * START_MS);

  it('sends HSTS only over HTTPS and ignores X-Forwarded-* from loopback unless TRUST_PROXY says so', async () => {
    const plain = await fetch(`${server!.url}/api/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    await server!.stop();
    server = await startServer({ NODE_ENV: 'production', PGLITE_DATA_DIR: dataDir, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: SECOND, TRUST_PROXY: 'loopback' }, START_MS);
    const proxied = await fetch(`${server.url}/api/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  }, 2 * START_MS);
});
