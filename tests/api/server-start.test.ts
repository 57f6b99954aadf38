import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { failingStart, startServer, type RunningServer } from '../support/server.js';

describe('the platform started as a user would, on the embedded database', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'riskmap-e2e-')), 'pglite');
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  const env = { PGLITE_DATA_DIR: dataDir, LOG_LEVEL: 'info', ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'start-test-password' };
  let cookie = '';

  it('starts cold on an empty data directory, loads the sample and reports healthy', async () => {
    server = await startServer(env);
    console.log(`cold start: ${server.readyMs} ms`);
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toEqual({ status: 'ok', database: { backend: 'embedded', postgis: expect.stringMatching(/^3\./) } });
    expect(server.output()).toMatch(/示例数据/);
  });

  it('serves the sample shelters as a GeoJSON FeatureCollection', async () => {
    const res = await fetch(`${server!.url}/api/layers/shelters`);
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const fc = await res.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThanOrEqual(60);
    expect(fc.features[0]).toMatchObject({ type: 'Feature', geometry: { type: 'Point' }, properties: { sample: true } });
  });

  it('lets the first administrator sign in', async () => {
    const res = await fetch(`${server!.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'start-test-password' }),
    });
    expect(res.status).toBe(200);
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/=/);
  });

  it.each(['townships', 'risk-points', 'hazard-sources', 'warehouses', 'fire-stations', 'demand-points', 'candidate-sites'])(
    'serves the %s layer',
    async (id) => {
      const fc = await (await fetch(`${server!.url}/api/layers/${id}`, { headers: { cookie } })).json();
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.features.length).toBeGreaterThan(0);
    },
  );

  it('answers an unknown layer with 404 naming the field', async () => {
    const res = await fetch(`${server!.url}/api/layers/volcanoes`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'unknown_layer', details: { field: 'id' } } });
  });

  it('restarts warm on the same data directory without loading the sample twice', async () => {
    expect(await server!.stop()).toBe(0);
    server = await startServer(env);
    console.log(`warm restart: ${server.readyMs} ms`);
    expect(server.output()).not.toMatch(/loaded the sample/);
    const fc = await (await fetch(`${server.url}/api/layers/townships`)).json();
    expect(fc.features.length).toBe(18);
  });
});

describe('bad start-up input fails fast with one clear message and a non-zero exit', () => {
  it('an unreachable DATABASE_URL', async () => {
    const { code, output } = await failingStart({ DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x', DB_STARTUP_RETRY_SECONDS: '0' });
    expect(code).toBe(1);
    expect(output).toMatch(/riskmap cannot start: cannot connect to DATABASE_URL/);
  });

  it('a data directory that holds something else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'riskmap-bad-'));
    writeFileSync(join(dir, 'x.txt'), 'x');
    const { code, output } = await failingStart({ PGLITE_DATA_DIR: dir });
    expect(code).toBe(1);
    expect(output).toMatch(/riskmap cannot start: the data directory .* holds no PGlite database/);
  });

  it('production mode without an admin password', async () => {
    const { code, output } = await failingStart({ NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output).toMatch(/NODE_ENV=production needs ADMIN_USERNAME and ADMIN_PASSWORD/);
  });

  it('a malformed PORT', async () => {
    const { code, output } = await failingStart({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output).toMatch(/invalid setting PORT/);
  });
});
