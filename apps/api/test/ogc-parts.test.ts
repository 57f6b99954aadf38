import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS, layerColumnTypes, sql, toCamel } from '@riskmap/db';
import { testBackends } from '@riskmap/db/testing';
import { LAYER_IDS, LAYER_SCHEMAS } from '@riskmap/contract';
import { catalogueSchema } from '../src/ogc/collection-schema.js';
import { startTestApp, type TestApp } from './harness.js';
import { decodeTile, tileAt } from './tiles-decode.js';

type Link = { rel: string; type?: string; href: string };
type Items = { features: { id: number; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[]; numberMatched: number; timeStamp: string };
type Schema = { type: string; properties: Record<string, { type?: string; format?: string; 'x-ogc-role'?: string }>; required?: string[] };

/** The status of a GET sent with plain node:http (fetch adds Cache-Control: no-cache to conditional requests, which servers must honour). */
function statusOf(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** OGC API – Features Parts 1/3/5 beyond the core, vector tile documents and compression, against the real server. */
describe.each(testBackends())('OGC parts, tile documents and compression on %s', (backend) => {
  let app: TestApp;
  let auth: Record<string, string>;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });
  const json = async <T>(path: string, headers: Record<string, string> = auth) => {
    const r = await get(path, headers);
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  beforeAll(async () => {
    app = await startTestApp(backend);
    auth = { authorization: `Bearer ${await app.login('commander')}` };
  });
  afterAll(() => app?.close());

  it('publishes each collection\'s schema with exact types and links schema, queryables and describedBy', async () => {
    const c = await json<{ links: Link[] }>('/ogc/collections/shelters');
    const rels = c.links.map((l) => l.rel);
    expect(rels).toEqual(expect.arrayContaining(['self', 'items', 'describedby', 'describedBy', 'http://www.opengis.net/def/rel/ogc/1.0/queryables', 'http://www.opengis.net/def/rel/ogc/1.0/schema']));
    const r = await get('/ogc/collections/shelters/schema', auth);
    expect(r.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    const s = (await r.json()) as Schema;
    expect(s.properties.effectiveAreaM2).toMatchObject({ type: 'number' });
    expect(s.properties.capacity).toMatchObject({ type: 'integer' });
    expect(s.properties.name).toMatchObject({ type: 'string' });
    expect(s.properties.updatedAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(s.properties.isPublic).toMatchObject({ type: 'boolean' });
    expect(s.properties.geometry).toMatchObject({ 'x-ogc-role': 'primary-geometry', format: 'geometry-point' });
    const risk = await json<Schema>('/ogc/collections/risk-points/schema');
    expect(risk.properties.score).toMatchObject({ type: 'number' });
    const anon = await json<Schema>('/ogc/collections/shelters/schema', {});
    expect(Object.keys(anon.properties)).not.toContain('contactPhone');
    const q = await json<Schema & { additionalProperties: boolean }>('/ogc/collections/shelters/queryables');
    expect(q.properties.capacity).toMatchObject({ type: 'integer' });
    expect(q.properties).not.toHaveProperty('facilities');
  });

  it('filters with CQL2 text on the server (comparison, LIKE, IN, BETWEEN, IS NULL, NOT, S_INTERSECTS) and sorts', async () => {
    const all = await json<Items>('/ogc/collections/shelters/items?limit=10000');
    const cql = (f: string, extra = '') => json<Items>(`/ogc/collections/shelters/items?limit=10000&filter=${encodeURIComponent(f)}${extra}`);
    const ids = (fs: Items['features']) => fs.map((f) => f.id).sort((a, b) => a - b);
    const cap = (f: Items['features'][number]) => f.properties.capacity as number;
    expect(ids((await cql("capacity > 1000 AND status = 'open'")).features)).toEqual(ids(all.features.filter((f) => cap(f) > 1000 && f.properties.status === 'open')));
    expect(ids((await cql('capacity BETWEEN 500 AND 2000')).features)).toEqual(ids(all.features.filter((f) => cap(f) >= 500 && cap(f) <= 2000)));
    expect(ids((await cql("status IN ('open', 'planned') OR NOT (capacity >= 100)")).features)).toEqual(
      ids(all.features.filter((f) => ['open', 'planned'].includes(f.properties.status as string) || !(cap(f) >= 100))),
    );
    const first = all.features[0]!.properties.name as string;
    expect((await cql(`name LIKE '${first.slice(0, 2).replace(/'/g, "''")}%'`)).features.map((f) => f.properties.name)).toContain(first);
    expect((await cql('address IS NULL')).numberMatched).toBe(all.features.filter((f) => f.properties.address === null).length);
    const [x, y] = all.features[0]!.geometry.coordinates as [number, number];
    const near = await cql(`S_INTERSECTS(geometry, BBOX(${x - 0.001}, ${y - 0.001}, ${x + 0.001}, ${y + 0.001}))`);
    expect(near.features.map((f) => f.id)).toContain(all.features[0]!.id);
    const sorted = await json<Items>('/ogc/collections/shelters/items?limit=10000&sortby=-capacity,name');
    const caps = sorted.features.map(cap);
    expect(caps).toEqual([...caps].sort((a, b) => b - a));
    const bad = await get(`/ogc/collections/shelters/items?filter=${encodeURIComponent('colour = 1')}`, auth);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: { fields: { field: string }[] } } }).error.details.fields[0]!.field).toBe('filter');
    const typeErr = await get(`/ogc/collections/shelters/items?filter=${encodeURIComponent("capacity = 'many'")}`, auth);
    expect(typeErr.status).toBe(400);
  });

  it('tests bbox against real polygons, not their bounding boxes', async () => {
    const towns = await json<Items>('/ogc/collections/townships/items?limit=100');
    const onePoint = (towns.features[0]!.properties.seat as { coordinates: [number, number] }).coordinates;
    const box = `${onePoint[0] - 0.0005},${onePoint[1] - 0.0005},${onePoint[0] + 0.0005},${onePoint[1] + 0.0005}`;
    const hit = await json<Items>(`/ogc/collections/townships/items?bbox=${box}`);
    expect(hit.numberMatched).toBe(1);
    const viaCql = await json<Items>(`/ogc/collections/townships/items?filter=${encodeURIComponent(`S_INTERSECTS(geometry, POINT(${onePoint[0]} ${onePoint[1]}))`)}`);
    expect(viaCql.features.map((f) => f.id)).toEqual(hit.features.map((f) => f.id));
  });

  it('offers CRS84, EPSG:4326/4490/3857 and the county\'s Gauss-Krüger zones; crs and bbox-crs follow the axis order', async () => {
    const c = await json<{ crs: string[]; storageCrs: string }>('/ogc/collections/shelters');
    const epsg = (n: number) => `http://www.opengis.net/def/crs/EPSG/0/${n}`;
    expect(c.crs).toEqual(expect.arrayContaining(['http://www.opengis.net/def/crs/OGC/1.3/CRS84', epsg(4326), epsg(4490), epsg(3857), epsg(4527), epsg(4548)]));
    const plain = await json<Items>('/ogc/collections/shelters/items?limit=1');
    const [lon, lat] = plain.features[0]!.geometry.coordinates as [number, number];
    const r = await get(`/ogc/collections/shelters/items/${plain.features[0]!.id}?crs=${encodeURIComponent(epsg(4326))}`, auth);
    expect(r.headers.get('content-crs')).toBe(`<${epsg(4326)}>`);
    expect(((await r.json()) as { geometry: { coordinates: number[] } }).geometry.coordinates).toEqual([lat, lon]);
    const gk = await json<Items>(`/ogc/collections/shelters/items?limit=1&crs=${encodeURIComponent(epsg(4548))}`);
    const [north, east] = gk.features[0]!.geometry.coordinates as [number, number];
    expect(north).toBeGreaterThan(3_900_000);
    expect(east).toBeGreaterThan(300_000);
    expect(east).toBeLessThan(700_000);
    const box = [north - 50, east - 50, north + 50, east + 50].join(',');
    const hit = await json<Items>(`/ogc/collections/shelters/items?bbox=${box}&bbox-crs=${encodeURIComponent(epsg(4548))}`);
    expect(hit.features.map((f) => f.id)).toContain(gk.features[0]!.id);
    const miss = await json<Items>(`/ogc/collections/shelters/items?bbox=${[north + 5000, east + 5000, north + 5100, east + 5100].join(',')}&bbox-crs=${encodeURIComponent(epsg(4548))}`);
    expect(miss.features.map((f) => f.id)).not.toContain(gk.features[0]!.id);
    const bad = await get('/ogc/collections/shelters/items?crs=EPSG:9999', auth);
    expect(bad.status).toBe(400);
  });

  it('reads CQL2 spatial literals in filter-crs (EPSG:4326 lat/lon, a Gauss-Krüger zone) and puts secondary geometries in crs', async () => {
    const epsg = (n: number) => `http://www.opengis.net/def/crs/EPSG/0/${n}`;
    const plain = await json<Items>('/ogc/collections/shelters/items?limit=1');
    const id = plain.features[0]!.id;
    const [lon, lat] = plain.features[0]!.geometry.coordinates as [number, number];
    const ids = async (filter: string, crs: number) => (await json<Items>(`/ogc/collections/shelters/items?filter=${encodeURIComponent(filter)}&filter-crs=${encodeURIComponent(epsg(crs))}`)).features.map((f) => f.id);
    const d = 0.0005;
    expect(await ids(`S_INTERSECTS(geometry, POLYGON((${lat - d} ${lon - d}, ${lat - d} ${lon + d}, ${lat + d} ${lon + d}, ${lat + d} ${lon - d}, ${lat - d} ${lon - d})))`, 4326)).toContain(id);
    expect(await ids(`S_INTERSECTS(geometry, POLYGON((${lon - d} ${lat - d}, ${lon + d} ${lat - d}, ${lon + d} ${lat + d}, ${lon - d} ${lat + d}, ${lon - d} ${lat - d})))`, 4326)).not.toContain(id);
    const gk = await json<Items>(`/ogc/collections/shelters/items/${id}?crs=${encodeURIComponent(epsg(4548))}`) as unknown as { geometry: { coordinates: [number, number] } };
    const [n, e] = gk.geometry.coordinates;
    expect(await ids(`S_INTERSECTS(geometry, POLYGON((${n - 30} ${e - 30}, ${n - 30} ${e + 30}, ${n + 30} ${e + 30}, ${n + 30} ${e - 30}, ${n - 30} ${e - 30})))`, 4548)).toContain(id);
    expect(await ids(`S_INTERSECTS(geometry, POINT(${n + 3000} ${e + 3000}))`, 4548)).not.toContain(id);
    // A projected BBOX literal is the densified box of the bbox parameter: both select the same features.
    const box = [n - 2000, e - 2000, n + 2000, e + 2000];
    const viaParam = (await json<Items>(`/ogc/collections/shelters/items?limit=1000&bbox=${box.join(',')}&bbox-crs=${encodeURIComponent(epsg(4548))}`)).features.map((f) => f.id).sort();
    expect(viaParam).toContain(id);
    expect((await ids(`S_INTERSECTS(geometry, BBOX(${box.join(', ')}))`, 4548)).sort()).toEqual(viaParam);
    expect((await get(`/ogc/collections/shelters/items?filter=${encodeURIComponent('S_INTERSECTS(geometry, POINT(1 2))')}&filter-crs=EPSG:9999`)).status).toBe(400);
    const hz = await json<Items>(`/ogc/collections/hazard-sources/items?limit=5&crs=${encodeURIComponent(epsg(4548))}`, auth);
    const boundary = hz.features.map((f) => f.properties.boundary as { coordinates: number[][][] } | null).find(Boolean)!;
    expect(boundary.coordinates[0]![0]![0]).toBeGreaterThan(3_900_000); // northing first, metres
  });

  it('selects by datetime on updatedAt, and keeps the ETag and timeStamp stable until the data changes', async () => {
    const all = await json<Items>('/ogc/collections/fire-stations/items?limit=1000');
    const future = await json<Items>('/ogc/collections/fire-stations/items?datetime=2999-01-01T00:00:00Z/..');
    expect(future.numberMatched).toBe(0);
    const past = await json<Items>('/ogc/collections/fire-stations/items?datetime=../2999-01-01T00:00:00Z');
    expect(past.numberMatched).toBe(all.numberMatched);
    expect((await get('/ogc/collections/fire-stations/items?datetime=yesterday', auth)).status).toBe(400);
    const a = await get('/ogc/collections/fire-stations/items?limit=5', auth);
    const b = await get('/ogc/collections/fire-stations/items?limit=5', auth);
    expect(a.headers.get('etag')).toBeTruthy();
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
    expect(await statusOf(`${app.url}/ogc/collections/fire-stations/items?limit=5`, { ...auth, 'if-none-match': a.headers.get('etag')! })).toBe(304);
    const stamp = ((await a.json()) as Items).timeStamp;
    expect(new Date(stamp).getTime()).toBeGreaterThanOrEqual(Math.max(...all.features.map((f) => new Date(f.properties.updatedAt as string).getTime())));
  });

  it('publishes the editable properties as the contract validates them, in the JSON type of their database column', async () => {
    const admin = { authorization: `Bearer ${await app.login('admin')}` };
    const s = await json<Schema>('/ogc/collections/shelters/schema', admin);
    expect(s.properties.status).toMatchObject({ type: 'string', enum: ['planned', 'built', 'open', 'closed'] });
    expect(s.properties.capacity).toMatchObject({ type: 'integer', minimum: 0, maximum: 10_000_000 });
    expect(s.properties.code).toMatchObject({ type: 'string', minLength: 1, maxLength: 64 });
    expect(s.properties.suitability).toMatchObject({ type: 'object', properties: { flood: { type: 'boolean' } }, additionalProperties: false });
    expect(s.properties.facilities).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(s.properties.townshipCode).toEqual({ type: 'string', maxLength: 32 });
    expect(s.properties.site).toMatchObject({ type: 'object', format: 'geometry-polygon' });
    expect(s.properties.id).toMatchObject({ type: 'integer', 'x-ogc-role': 'id' });
    const risk = await json<Schema>('/ogc/collections/risk-points/schema', admin);
    expect(risk.properties.assessedAt).toMatchObject({ type: 'string', format: 'date' });
    expect(risk.properties.level).toMatchObject({ type: 'integer', minimum: 1, maximum: 4 });
    const hidden = await json<Schema>('/ogc/collections/hidden-hazards/schema', admin);
    expect(hidden.properties.foundOn).toMatchObject({ type: 'string', format: 'date' });
    let checked = 0;
    for (const id of LAYER_IDS) {
      const d = LAYERS[id];
      const doc = await json<Schema>(`/ogc/collections/${id}/schema`, admin);
      const types = await layerColumnTypes(app.t.db, d);
      for (const column of d.columns) {
        const published = doc.properties[toCamel(column)];
        if (!published || !types[column]) continue;
        const stored = catalogueSchema(types[column]).type;
        const fits = stored === 'object' ? ['object', 'array'] : stored === 'number' ? ['number', 'integer'] : [stored];
        expect(fits, `${id}.${column}: ${types[column]!.dataType} published as ${published.type}`).toContain(published.type);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('publishes each secondary geometry with the geometry type of its column, and requires what a new feature must carry', async () => {
    const admin = { authorization: `Bearer ${await app.login('admin')}` };
    let geometries = 0;
    for (const id of LAYER_IDS) {
      const d = LAYERS[id];
      const doc = await json<Schema>(`/ogc/collections/${id}/schema`, admin);
      const feature = (await json<{ properties: { properties: { properties: Schema['properties']; required: string[] } } }>(`/ogc/collections/${id}/feature-schema`, admin)).properties.properties;
      for (const column of d.geometryColumns) {
        // the oracle: the type PostGIS keeps for the column (geometry_columns), as its migration declared it
        const { rows } = await sql<{ type: string }>`select type from geometry_columns where f_table_schema = current_schema() and f_table_name = ${d.table} and f_geometry_column = ${column}`.execute(app.t.db);
        const format = `geometry-${rows[0]!.type.toLowerCase()}`;
        expect(doc.properties[toCamel(column)], `${id}.${column}`).toMatchObject({ type: 'object', format });
        expect(feature.properties[toCamel(column)], `${id}.${column}`).toMatchObject({ format });
        expect(doc.properties[toCamel(column)]).not.toHaveProperty('x-ogc-role');
        geometries++;
      }
      // required: an editable property when a new feature must carry it (the contract's create schema); a server column when it is never null
      const types = await layerColumnTypes(app.t.db, d);
      const editable = Object.keys(LAYER_SCHEMAS[id].properties.shape);
      const expected = [...d.columns, ...d.geometryColumns]
        .filter((c) => toCamel(c) in doc.properties)
        .filter((c) => (editable.includes(toCamel(c)) ? LAYER_SCHEMAS[id].required.includes(toCamel(c)) : types[c]?.nullable === false))
        .map(toCamel);
      expect(new Set(doc.required), id).toEqual(new Set(expected));
      expect(feature.required, id).toEqual(doc.required);
      expect(doc.required, id).toEqual(expect.arrayContaining(LAYER_SCHEMAS[id].required.filter((k) => k in doc.properties)));
    }
    expect(geometries).toBe(3);
    const warehouses = await json<Schema>('/ogc/collections/warehouses/schema', admin);
    expect(warehouses.required).toEqual(expect.arrayContaining(['id', 'version', 'createdAt', 'updatedAt', 'code', 'name', 'level']));
    // a not-null column with a default is not required of a new feature, so not of a feature either
    expect(warehouses.required).not.toContain('floorAreaM2');
  });

  it('serves the OGC API definition as OpenAPI 3.0 to GDAL and 3.1 otherwise, with queryables as parameters', async () => {
    const r30 = await get('/ogc/api', { accept: 'application/vnd.oai.openapi+json;version=3.0, application/openapi+json;version=3.0, application/json' });
    expect(r30.headers.get('content-type')).toMatch(/^application\/vnd\.oai\.openapi\+json; ?version=3\.0/);
    const doc = (await r30.json()) as { openapi: string; paths: Record<string, { get: { parameters: { name: string; schema?: { enum?: string[] } }[] } }> };
    expect(doc.openapi).toBe('3.0.3');
    const params = doc.paths['/collections/shelters/items']!.get.parameters;
    expect(params.map((p) => p.name)).toEqual(expect.arrayContaining(['bbox', 'datetime', 'filter', 'sortby', 'capacity', 'status']));
    expect(params.find((p) => p.name === 'filter-lang')!.schema!.enum).toContain('cql-text');
    expect(JSON.stringify(doc)).not.toMatch(/"type":\[/);
    const r31 = await get('/api/openapi.json');
    expect(r31.headers.get('content-type')).toMatch(/version=3\.1/);
    const n30 = await get('/api/openapi.json', { accept: 'application/vnd.oai.openapi+json;version=3.0' });
    expect(((await n30.json()) as { openapi: string }).openapi).toBe('3.0.3');
    const landing = await json<{ links: Link[] }>('/ogc');
    expect(landing.links.find((l) => l.rel === 'service-desc')).toMatchObject({ type: 'application/vnd.oai.openapi+json;version=3.0', href: `${app.url}/ogc/api` });
  });

  it('renders the landing page, collections, items and an item as HTML (f=html or a browser\'s Accept)', async () => {
    const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const path of ['/ogc', '/ogc/conformance', '/ogc/collections', '/ogc/collections/shelters', '/ogc/collections/shelters/items?limit=3']) {
      const r = await get(path, browser);
      expect(r.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(await r.text()).toContain('<h1>');
    }
    const page = await (await get('/ogc/collections/shelters/items?limit=3&f=html')).text();
    expect(page).toContain('应急避难场所');
    expect(page).toContain('<table>');
    const one = await json<Items>('/ogc/collections/shelters/items?limit=1', {});
    const item = await get(`/ogc/collections/shelters/items/${one.features[0]!.id}?f=html`);
    expect(await item.text()).toContain(String(one.features[0]!.properties.name));
    expect((await get('/ogc/collections', { accept: 'application/json' })).headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('publishes TileJSON 3 per layer and a MapLibre style whose tiles decode', async () => {
    const tj = await json<{ tilejson: string; tiles: string[]; vector_layers: { id: string; fields: Record<string, string> }[]; bounds: number[] }>('/tiles/shelters.json', {});
    expect(tj.tilejson).toBe('3.0.0');
    expect(tj.vector_layers[0]).toMatchObject({ id: 'shelters', fields: { capacity: 'Number', name: 'String' } });
    expect(tj.vector_layers[0]!.fields).not.toHaveProperty('contactPhone');
    const t = tileAt((tj.bounds[0]! + tj.bounds[2]!) / 2, (tj.bounds[1]! + tj.bounds[3]!) / 2, 8);
    const url = tj.tiles[0]!.replace('{z}', String(t.z)).replace('{x}', String(t.x)).replace('{y}', String(t.y));
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    expect(decodeTile(bytes, 'shelters').length).toBeGreaterThan(0);
    expect((await get('/tiles/risk-points.json')).status).toBe(401);
    for (const path of ['/style.json', '/tiles/style.json']) {
      const r = await get(path, auth);
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      const style = (await r.json()) as { version: number; sources: Record<string, { url: string }>; layers: { id: string; source?: string }[] };
      expect(style.version).toBe(8);
      expect(Object.keys(style.sources)).toEqual(expect.arrayContaining(['townships', 'risk-points', 'shelters']));
      expect(style.sources.shelters!.url).toBe(`${app.url}/tiles/shelters.json`);
    }
    const anonStyle = await json<{ sources: Record<string, unknown> }>('/style.json', {});
    expect(Object.keys(anonStyle.sources)).not.toContain('risk-points');
  });

  it('compresses compressible responses with brotli or gzip, but not the event stream', async () => {
    for (const enc of ['br', 'gzip']) {
      const r = await get('/ogc/collections/demand-points/items?limit=500', { ...auth, 'accept-encoding': enc });
      expect(r.headers.get('content-encoding')).toBe(enc);
      expect(((await r.json()) as Items).features.length).toBeGreaterThan(0);
    }
    const ctl = new AbortController();
    const sse = await fetch(`${app.url}/api/events`, { headers: { ...auth, 'accept-encoding': 'gzip, br' }, signal: ctl.signal });
    expect(sse.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(sse.headers.get('content-encoding')).toBeNull();
    ctl.abort();
  });
});
