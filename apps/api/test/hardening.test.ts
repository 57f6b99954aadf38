import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { call, newShelter, someShelter } from './edit-helpers.js';
import { upload } from './fixtures/import/upload.js';

const NASTY = ["Robert'); DROP TABLE shelters;--", '<script>alert("xss")</script>', "' OR '1'='1", '<img src=x onerror=alert(1)>', '"; SELECT pg_sleep(5); --'];

describe.each(testBackends())('HTTP hardening on %s', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(() => app?.close());

  it('sends helmet headers with a CSP that lets maplibre run from the same origin', async () => {
    const r = await fetch(`${app.url}/api/health`);
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-powered-by')).toBeNull();
  });

  it('sends no CORS headers when no origins are configured', async () => {
    const r = await fetch(`${app.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('echoes a request id the caller sends and makes one up otherwise', async () => {
    const given = await fetch(`${app.url}/api/health`, { headers: { 'x-request-id': 'trace-42.a:b' } });
    expect(given.headers.get('x-request-id')).toBe('trace-42.a:b');
    const made = await fetch(`${app.url}/api/health`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const junk = await fetch(`${app.url}/api/health`, { headers: { 'x-request-id': 'bad id <script>' } });
    expect(junk.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not rate-limit anonymous requests in tests unless enabled', async () => {
    const statuses = await Promise.all(Array.from({ length: 40 }, () => fetch(`${app.url}/api/health`).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  it('answers malformed JSON with the error shape and no stack trace', async () => {
    const token = await app.login('planner');
    const r = await fetch(`${app.url}/api/layers/shelters`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"type": "Feature",' });
    const body = await r.json();
    expect(r.status).toBe(400);
    expect(body.error.code).toBe('invalid_json');
    expect(JSON.stringify(body)).not.toMatch(/\bat \S+:\d+|node_modules|stack/);
  });

  it('stores SQL-injection and script strings in every free-text field verbatim and returns them as JSON', async () => {
    const at = (await someShelter(app, false)).lonLat;
    const text = { name: NASTY[0], address: NASTY[1], access: NASTY[2], contactPerson: NASTY[3], contactPhone: NASTY[4] };
    const created = await call(app, 'planner', 'POST', '/api/layers/shelters', newShelter(`${NASTY[2]}-code`, at, text));
    expect(created.status).toBe(201);
    const r = await fetch(`${app.url}/api/layers/shelters?code=${encodeURIComponent(`${NASTY[2]}-code`)}`, { headers: { authorization: `Bearer ${await app.login('commander')}` } });
    expect(r.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const fc = await r.json();
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0].properties).toMatchObject({ code: `${NASTY[2]}-code`, ...text });
    const row = await app.t.db.selectFrom('shelters').select(['name', 'address', 'access', 'contact_person', 'contact_phone']).where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(Object.values(row)).toEqual(Object.values(text));
    expect(Number((await app.t.db.selectFrom('shelters').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(1);
  });

  it('stores the same strings verbatim through a CSV import', async () => {
    const at = (await someShelter(app, false)).lonLat;
    const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const csv = `code,name,shelterClass,siteType,totalAreaM2,effectiveAreaM2,capacity,status,address,lon,lat\nNASTY-CSV,${quote(NASTY[0]!)},emergency,park,10,5,1,built,${quote(NASTY[1]!)},${at[0]},${at[1]}\n`;
    const r = await upload(app, 'planner', 'shelters', csv, 'text/csv', { dryRun: 'false' });
    expect(r.status).toBe(201);
    const row = await app.t.db.selectFrom('shelters').select(['name', 'address']).where('code', '=', 'NASTY-CSV').executeTakeFirstOrThrow();
    expect(row).toEqual({ name: NASTY[0], address: NASTY[1] });
  });
});

describe.each(testBackends())('configured hardening on %s', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, 'empty', {
      TRUST_PROXY: 'loopback',
      CORS_ORIGINS: 'https://gis.example.gov.cn, https://qgis.example.org',
      RATE_LIMIT: 'on',
      RATE_LIMIT_BURST: '3',
      RATE_LIMIT_PER_SECOND: '0.01',
      RATE_LIMIT_GIS_BURST: '6',
      RATE_LIMIT_GIS_PER_SECOND: '0.01',
      JSON_MAX_BYTES: '2000',
      BASEMAP_URL: 'https://{a-c}.tiles.example.cn/{z}/{x}/{y}.png',
    });
  });
  afterAll(() => app?.close());

  it('allows the configured origins only, with credentials, and answers preflights with 204', async () => {
    const ok = await fetch(`${app.url}/api/health`, { headers: { origin: 'https://gis.example.gov.cn' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://gis.example.gov.cn');
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    expect(ok.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    const other = await fetch(`${app.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await fetch(`${app.url}/api/layers/shelters`, {
      method: 'OPTIONS',
      headers: { origin: 'https://qgis.example.org', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(pre.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
  });

  it('adds the base-map tile origin to the CSP', async () => {
    const csp = (await fetch(`${app.url}/api/health`)).headers.get('content-security-policy')!;
    expect(csp).toContain("img-src 'self' data: blob: https://*.tiles.example.cn");
    expect(csp).toContain("connect-src 'self' https://*.tiles.example.cn");
  });

  it('answers 413 for a JSON body over JSON_MAX_BYTES', async () => {
    const token = await app.login('planner');
    const big = newShelter('BIG', [115.79, 36.11], { access: 'x'.repeat(3000) });
    const r = await fetch(`${app.url}/api/layers/shelters`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(big) });
    expect(r.status).toBe(413);
    expect((await r.json()).error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('JSON_MAX_BYTES') });
  });

  it('rate-limits anonymous requests with 429 and Retry-After, but not signed-in users', async () => {
    const token = await app.login('commander');
    const from = { 'x-forwarded-for': '203.0.113.7' };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${app.url}/api/layers`, { headers: from })).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.at(-1)).toBe(429);
    expect((await fetch(`${app.url}/api/layers`, { headers: { 'x-forwarded-for': '203.0.113.8' } })).status).toBe(200);
    // map clients have their own, larger budget (tiles and OGC reads): the API's limit does not stop them …
    expect((await fetch(`${app.url}/ogc/collections`, { headers: from })).status).toBe(200);
    // … and revalidations cost a quarter, so 6 units hold 1 read + 20 revalidations
    const etag = (await fetch(`${app.url}/ogc/conformance`, { headers: from })).headers.get('etag')!;
    for (let i = 0; i < 16; i++) expect((await fetch(`${app.url}/ogc/conformance`, { headers: { ...from, 'if-none-match': etag } })).status, `revalidation ${i}`).toBeLessThan(400);
    const limited = await fetch(`${app.url}/ogc/collections/shelters/items?limit=1000`, { headers: from });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
    const signedIn = await fetch(`${app.url}/api/layers`, { headers: { ...from, authorization: `Bearer ${token}` } });
    expect(signedIn.status).toBe(200);
  });
});
