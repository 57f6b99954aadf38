import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ERROR_CODE_LABELS, ERROR_CODES, ROUTES, SERVER_EVENTS, type RouteContract } from '@riskmap/contract';
import { testBackends } from '@riskmap/db/testing';
import { loadConfig } from '@riskmap/config/env';
import { createApp } from '../src/app.js';
import { ChangeBus } from '../src/events/change-bus.js';
import { mountedRoutes } from '../src/routes/mounted-routes.js';
import { ROUTE_ACCESS } from '../src/routes/route-access.js';
import { openApiDocument } from '../src/openapi/openapi-document.js';
import { openApi30 } from '../src/openapi/openapi-30.js';
import { registeredOperations } from '../src/openapi/registry.js';
import { startTestApp, type TestApp } from './harness.js';
import { call, someShelter, tokenFor } from './edit-helpers.js';

const key = (c: RouteContract) => `${c.method} ${c.path}`;
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** redocly findings the document keeps on purpose, each with its reason. */
const ACCEPTED_LINT = new Map([
  ['operation-4xx-response #/paths/~1api~1health/get/responses', 'the health probe answers 200 or 503, never a 4xx (it runs before authentication and rate limits)'],
  ['operation-4xx-response #/paths/~1api~1auth~1me/get/responses', 'anyone may ask who they are; there is no 4xx'],
  ['no-ambiguous-paths #/paths/~1api~1imports~1jobs~1{job}', '"jobs" is not a layer id, so /api/imports/jobs/{job} and /api/imports/{layer}/template.xlsx never meet'],
]);

describe('the route contracts', () => {
  const app = createApp({ db: {} as never, backend: 'embedded', postgis: '3', config: loadConfig({ NODE_ENV: 'test' }), changes: new ChangeBus() });
  const mounted = mountedRoutes(app.locals.mounts);

  it('declares every mounted route (the OGC API and the tiles included) and mounts every contract', () => {
    const declared = new Set(ROUTES.map(key));
    expect(declared.size, 'one contract per method and path').toBe(ROUTES.length);
    expect(mounted.filter((r) => !declared.has(r))).toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((r) => !declared.has(r)), 'route-table rows are the contracts').toEqual([]);
    expect([...declared].filter((r) => !mounted.includes(r))).toEqual([]);
    for (const c of ROUTES) expect(ROUTE_ACCESS[key(c)]?.access, key(c)).toBe(c.access);
  });

  it('gives every route a summary, a tag and a described answer, every JSON 2xx answer a schema', () => {
    for (const c of ROUTES) {
      expect(c.summary.length, key(c)).toBeGreaterThan(5);
      expect(c.tags.length, key(c)).toBeGreaterThan(0);
      const statuses = Object.keys(c.responses).map(Number);
      expect(statuses.some((s) => s >= 200 && s < 300), key(c)).toBe(true);
      for (const [status, r] of Object.entries(c.responses)) {
        expect(r.description, `${key(c)} ${status}`).not.toBe('');
        if (Number(status) < 300 && /json/.test(r.contentType ?? '')) expect(r.schema, `${key(c)} ${status} schema`).toBeDefined();
      }
    }
  });

  it('lists every error code the API throws, each with both labels', async () => {
    const files: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        if (e.isDirectory()) await walk(join(dir, e.name));
        else if (e.name.endsWith('.ts')) files.push(join(dir, e.name));
      }
    };
    await walk(here('../src'));
    const thrown = new Set<string>();
    for (const f of files) for (const m of (await readFile(f, 'utf8')).matchAll(/HttpError\(\s*\d{3},\s*'([a-z_]+)'/g)) thrown.add(m[1]!);
    expect(thrown.size).toBeGreaterThan(20);
    expect([...thrown].filter((c) => !(ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
    for (const code of ERROR_CODES) {
      expect(ERROR_CODE_LABELS[code].zh, code).toMatch(/\p{Script=Han}/u);
      expect(ERROR_CODE_LABELS[code].en, code).toMatch(/^[A-Z]/);
    }
  });

  it('generates an OpenAPI 3.1 document (and its 3.0 rendering) that redocly lints clean with its recommended rules', async () => {
    const doc = openApiDocument(registeredOperations(), { title: 'riskmap API', version: '0.1.0' });
    const dir = await mkdtemp(join(tmpdir(), 'riskmap-openapi-'));
    try {
      const problems: string[] = [];
      for (const [name, body] of [['openapi-31.json', doc], ['openapi-30.json', openApi30(doc)]] as const) {
        const file = join(dir, name);
        await writeFile(file, JSON.stringify(body));
        const cli = here('../../../node_modules/@redocly/cli/bin/cli.js');
        const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
        const out = await promisify(execFile)(process.execPath, [cli, 'lint', '--config', here('../redocly.yaml'), '--format', 'json', file], { env, maxBuffer: 64 << 20 }).catch(
          (err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }),
        );
        const report = JSON.parse(out.stdout.slice(out.stdout.indexOf('{'))) as { problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
        for (const p of report.problems) {
          const id = `${p.ruleId} ${p.location[0]?.pointer}`;
          if (!ACCEPTED_LINT.has(id)) problems.push(`${name}: ${id}: ${p.message}`);
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

/** The JSON schema a contract declares for a status, if any. */
function schemaFor(c: RouteContract, status: number): z.ZodType | undefined {
  const r = c.responses[status];
  return r && /json/.test(r.contentType ?? '') ? r.schema : undefined;
}

describe.each(testBackends())('live answers match their contracts on %s', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers every contract’s example (as admin, and anonymously where anyone may) with a declared status and a body its schema accepts', async () => {
    const failures: string[] = [];
    let checked2xx = 0;
    for (const c of ROUTES) {
      const e = c.example;
      if (!e || e.stream) continue;
      for (const who of c.access === 'anyone' ? (['admin', 'public'] as const) : (['admin'] as const)) {
        const headers: Record<string, string> = {};
        if (who === 'admin') headers.authorization = `Bearer ${e.endsSession ? await app.login('admin') : await tokenFor(app, 'admin')}`;
        if (e.body !== undefined) headers['content-type'] = 'application/json';
        const r = await fetch(`${app.url}${e.path ?? c.path}`, { method: c.method, headers, ...(e.body !== undefined ? { body: JSON.stringify(e.body) } : {}) });
        const text = await r.text();
        const where = `${key(c)} as ${who} → ${r.status}`;
        const generic = r.status === 400 && (c.params || c.query || c.body);
        if (!c.responses[r.status] && !generic) {
          failures.push(`${where}: status not in the contract (${text.slice(0, 120)})`);
          continue;
        }
        // A read's example succeeds, or (examples that name an unknown id, as the route × role walk uses) is a declared 404.
        if (c.method === 'GET' && who === 'admin' && (r.status < 200 || r.status >= 300) && r.status !== 404) failures.push(`${where}: the example of a read should succeed (${text.slice(0, 120)})`);
        const schema = schemaFor(c, r.status);
        if (!schema) continue;
        const parsed = schema.safeParse(JSON.parse(text));
        if (!parsed.success) failures.push(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).slice(0, 5).join('; ')}`);
        else if (r.status < 300) checked2xx++;
      }
    }
    expect(failures).toEqual([]);
    expect(checked2xx).toBeGreaterThanOrEqual(15);
  }, 120_000);

  it('answers an OGC item, a filtered items page and a vector tile as their contracts declare (schema, media type)', async () => {
    const contract = (path: string) => ROUTES.find((c) => c.method === 'GET' && c.path === path)!;
    const headers = { authorization: `Bearer ${await tokenFor(app, 'admin')}` };
    const page = await fetch(`${app.url}/ogc/collections/risk-points/items?limit=3&sortby=-score&filter=${encodeURIComponent('level <= 2')}`, { headers });
    expect(page.headers.get('content-type')).toContain(contract('/ogc/collections/:collectionId/items').responses[200]!.contentType);
    const body = await page.json();
    const items = schemaFor(contract('/ogc/collections/:collectionId/items'), 200)!.safeParse(body);
    expect(items.success, items.error?.message).toBe(true);
    const one = await fetch(`${app.url}/ogc/collections/shelters/items/${(await someShelter(app, true)).id}`, { headers });
    expect(one.status).toBe(200);
    const item = schemaFor(contract('/ogc/collections/:collectionId/items/:featureId'), 200)!.safeParse(await one.json());
    expect(item.success, item.error?.message).toBe(true);
    const tile = await fetch(`${app.url}/tiles/shelters/10/841/401.mvt`, { headers });
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toContain(contract('/tiles/:layer/:z/:x/:y.mvt').responses[200]!.contentType);
    expect((await tile.arrayBuffer()).byteLength).toBeGreaterThan(0);
  }, 120_000);

  it('answers a successful change, an import dry run and a key with bodies the contracts accept, and streams events the event schemas accept', async () => {
    const contract = (method: string, path: string) => ROUTES.find((c) => c.method === method && c.path === path)!;
    const check = (c: RouteContract, status: number, body: unknown) => {
      const parsed = schemaFor(c, status)!.safeParse(body);
      expect(parsed.success, `${key(c)} ${status}: ${parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`).toBe(true);
    };
    const ac = new AbortController();
    const stream = await fetch(`${app.url}/api/events`, { headers: { authorization: `Bearer ${await tokenFor(app, 'admin')}` }, signal: ac.signal });
    const s = await someShelter(app, true);
    const patched = await call(app, 'admin', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version, properties: { capacity: 4321 } });
    expect(patched.status).toBe(200);
    check(contract('PATCH', '/api/layers/:id/:featureId'), 200, patched.body);

    const key201 = await call(app, 'admin', 'POST', '/api/api-keys', { name: 'contract check' });
    expect(key201.status).toBe(201);
    check(contract('POST', '/api/api-keys'), 201, key201.body);

    const csv = 'code,name,lon,lat\nX1,示例,115.79,36.11\n';
    const dry = await fetch(`${app.url}/api/imports/shelters`, { method: 'POST', headers: { authorization: `Bearer ${await tokenFor(app, 'admin')}`, 'content-type': 'text/csv' }, body: csv });
    expect(dry.status).toBe(200);
    check(contract('POST', '/api/imports/:layer'), 200, await dry.json());

    const reader = stream.body!.getReader();
    const seen = new Map<string, unknown>();
    let buffer = '';
    while (!seen.has('change')) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      for (const block of buffer.split('\n\n').slice(0, -1)) {
        const event = /^event: (\w+)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) seen.set(event, JSON.parse(data));
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
    }
    ac.abort();
    expect([...seen.keys()]).toEqual(expect.arrayContaining(['ready', 'change']));
    for (const [event, data] of seen) {
      const parsed = SERVER_EVENTS[event as keyof typeof SERVER_EVENTS].safeParse(data);
      expect(parsed.success, `${event}: ${JSON.stringify(data)}`).toBe(true);
    }
    expect(seen.get('change')).toMatchObject({ layer: 'shelters', id: s.id, action: 'update' });
  }, 120_000);
});
