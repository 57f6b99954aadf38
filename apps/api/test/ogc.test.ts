import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';

const run = promisify(execFile);
const OGRINFO = '/usr/bin/ogrinfo';
type Link = { rel: string; type?: string; href: string };
type Items = { type: string; features: { id: number; properties: Record<string, unknown> }[]; numberMatched: number; numberReturned: number; links: Link[] };

describe.each(testBackends())('OGC API – Features on %s', (backend) => {
  let app: TestApp;
  let auth: Record<string, string>;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(path.startsWith('http') ? path : `${app.url}${path}`, { headers });
  beforeAll(async () => {
    app = await startTestApp(backend);
    auth = { authorization: `Bearer ${await app.login('commander')}` };
  });
  afterAll(() => app?.close());

  it('serves a landing page linking the API definition, conformance and the collections', async () => {
    const r = await get('/ogc');
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    const rels = ((await r.json()) as { links: Link[] }).links.map((l) => l.rel);
    expect(rels).toEqual(expect.arrayContaining(['self', 'service-desc', 'service-doc', 'conformance', 'data']));
  });

  it('declares the Core and GeoJSON conformance classes', async () => {
    const body = (await (await get('/ogc/conformance')).json()) as { conformsTo: string[] };
    expect(body.conformsTo).toEqual(expect.arrayContaining(['http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core', 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson']));
  });

  it('lists every layer as a collection with a CRS84 extent and an items link for a commander, public ones for anonymous', async () => {
    const all = (await (await get('/ogc/collections', auth)).json()) as { collections: { id: string; extent: { spatial: { bbox: number[][] } }; links: Link[] }[] };
    expect(all.collections).toHaveLength(9); // the eight layers and the hidden-hazard register (signed-in only)
    const shelters = all.collections.find((c) => c.id === 'shelters')!;
    expect(shelters.extent.spatial.bbox[0]).toHaveLength(4);
    expect(shelters.links.find((l) => l.rel === 'items')).toMatchObject({ type: 'application/geo+json', href: `${app.url}/ogc/collections/shelters/items` });
    const anon = (await (await get('/ogc/collections')).json()) as { collections: { id: string }[] };
    expect(anon.collections.map((c) => c.id)).not.toContain('risk-points');
    expect(anon.collections.map((c) => c.id)).toContain('shelters');
  });

  it('pages items with numberMatched, numberReturned and next/prev/self links as GeoJSON', async () => {
    const r = await get('/ogc/collections/demand-points/items?limit=5&offset=5', auth);
    expect(r.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const page = (await r.json()) as Items;
    expect(page.numberReturned).toBe(5);
    expect(page.numberMatched).toBeGreaterThan(10);
    const rel = (name: string) => new URL(page.links.find((l) => l.rel === name)!.href).searchParams.get('offset');
    expect([rel('self'), rel('next'), rel('prev')]).toEqual(['5', '10', '0']);
  });

  it('filters items by bbox and by property', async () => {
    const all = (await (await get('/ogc/collections/shelters/items?limit=1000', auth)).json()) as Items;
    const open = all.features.filter((f) => f.properties.status === 'open');
    const r = (await (await get('/ogc/collections/shelters/items?status=open&limit=1000', auth)).json()) as Items;
    expect(r.features.map((f) => f.id)).toEqual(open.map((f) => f.id));
    const empty = (await (await get('/ogc/collections/shelters/items?bbox=0,0,1,1', auth)).json()) as Items;
    expect([empty.numberMatched, empty.numberReturned]).toEqual([0, 0]);
  });

  it('serves a single item and 404 for a missing one', async () => {
    const first = ((await (await get('/ogc/collections/fire-stations/items?limit=1', auth)).json()) as Items).features[0]!;
    const r = await get(`/ogc/collections/fire-stations/items/${first.id}`, auth);
    expect(r.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(((await r.json()) as { id: number }).id).toBe(first.id);
    expect((await get('/ogc/collections/fire-stations/items/999999', auth)).status).toBe(404);
  });

  it('answers 400 naming the field for an unknown query parameter', async () => {
    const r = await get('/ogc/collections/shelters/items?colour=red');
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { details: { fields: { field: string }[] } } }).error.details.fields[0]!.field).toBe('colour');
  });

  it.skipIf(!existsSync(OGRINFO))('is read by GDAL: ogrinfo lists every public collection and reads its features', async () => {
    const { stdout } = await run(OGRINFO, ['-ro', '-so', '-q', `OAPIF:${app.url}/ogc`], { timeout: 60_000 });
    const anon = (await (await get('/ogc/collections')).json()) as { collections: { id: string }[] };
    for (const c of anon.collections) expect(stdout).toContain(c.id);
    const shelters = (await (await get('/ogc/collections/shelters/items?limit=1')).json()) as Items;
    const { stdout: info } = await run(OGRINFO, ['-ro', '-al', '-so', `OAPIF:${app.url}/ogc`, 'shelters'], { timeout: 60_000 });
    expect(info).toContain(`Feature Count: ${shelters.numberMatched}`);
    const { stdout: features } = await run(OGRINFO, ['-ro', '-q', `OAPIF:${app.url}/ogc`, 'shelters', '-fid', String(shelters.features[0]!.id)], { timeout: 60_000 });
    expect(features).toContain(String(shelters.features[0]!.properties.name));
    expect(features).toMatch(/POINT \(11\d\.\d+ 3\d\.\d+\)/);
  });

  it.skipIf(!existsSync(OGRINFO))('is read by GDAL page by page: every feature of a layer, across pages', async () => {
    const all = (await (await get('/ogc/collections/demand-points/items?limit=10000')).json()) as Items;
    const { stdout } = await run(OGRINFO, ['-ro', '-q', '-oo', 'PAGE_SIZE=50', `OAPIF:${app.url}/ogc`, 'demand-points'], { timeout: 120_000, maxBuffer: 64 << 20 });
    expect((stdout.match(/^OGRFeature\(/gm) ?? []).length).toBe(all.numberMatched);
  });
});
