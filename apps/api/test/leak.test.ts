import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { LAYERS, sql } from '@riskmap/db';
import { testBackends } from '@riskmap/db/testing';
import { LAYER_IDS } from '@riskmap/geo';
import { startTestApp, type TestApp } from './harness.js';
import { call } from './edit-helpers.js';
import { decodeTile, tileAt } from './tiles-decode.js';

/** Every sentinel starts with this, so one search finds any of them. */
const MARK = 'SNTL';
/** A number planted as a village's population (restricted), searched for as text. */
const POPULATION = 7_391_113;

/** Plant sentinels in every restricted field and in non-public rows, straight in the database. */
async function plant(app: TestApp): Promise<{ hiddenShelterId: number; lonLat: [number, number] }> {
  const db = app.t.db;
  const first = async (table: string) => (await sql<{ id: number }>`select min(id) as id from ${sql.table(table)} where deleted_at is null`.execute(db)).rows[0]!.id;
  const hidden = await first('shelters');
  await db.updateTable('shelters').set({ is_public: false, name: `${MARK}-hidden-shelter-name`, code: `${MARK}-HIDDEN-CODE`, address: `${MARK}-hidden-address` }).where('id', '=', hidden).execute();
  await db.updateTable('shelters').set({ contact_person: `${MARK}-shelter-contact`, contact_phone: `${MARK}-shelter-phone` }).execute();
  await db.updateTable('warehouses').set({ name: `${MARK}-warehouse-name`, contact_person: `${MARK}-wh-person`, contact_phone: `${MARK}-wh-phone` }).execute();
  await db.updateTable('warehouses').set({ code: `${MARK}-WH-CODE` }).where('id', '=', await first('warehouses')).execute();
  await db.updateTable('risk_points').set({ name: `${MARK}-risk-name`, enterprise: `${MARK}-risk-enterprise`, responsible_person: `${MARK}-risk-person`, responsible_phone: `${MARK}-risk-phone`, control_measures: `${MARK}-measures` }).execute();
  await db.updateTable('risk_points').set({ code: `${MARK}-RP-CODE` }).where('id', '=', await first('risk_points')).execute();
  await db.updateTable('hazard_sources').set({ name: `${MARK}-hazard-name`, enterprise: `${MARK}-hazard-enterprise`, contact_person: `${MARK}-hz-person`, contact_phone: `${MARK}-hz-phone` }).execute();
  await db.updateTable('candidate_sites').set({ name: `${MARK}-candidate-name`, constraints: `${MARK}-constraints` }).execute();
  await db.updateTable('fire_stations').set({ contact_phone: `${MARK}-fire-phone` }).execute();
  await db.updateTable('demand_points').set({ population: POPULATION }).where('id', '=', await first('demand_points')).execute();
  const pos = await sql<{ lon: number; lat: number }>`select ST_X(geom) as lon, ST_Y(geom) as lat from shelters where id = ${hidden}`.execute(db);
  return { hiddenShelterId: hidden, lonLat: [Number(pos.rows[0]!.lon), Number(pos.rows[0]!.lat)] };
}

async function xlsxText(bytes: ArrayBuffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.text)))));
  return cells.join('\n');
}

describe.each(testBackends())('no restricted value reaches an anonymous caller on %s', (backend) => {
  let app: TestApp;
  let hidden: { hiddenShelterId: number; lonLat: [number, number] };
  /** path → what the anonymous caller got (decoded text). */
  const seen = new Map<string, string>();

  async function anon(path: string): Promise<string> {
    const r = await fetch(`${app.url}${path}`);
    const type = r.headers.get('content-type') ?? '';
    let text: string;
    if (type.includes('spreadsheetml')) text = await xlsxText(await r.arrayBuffer());
    else if (type.includes('mapbox-vector-tile') || path.endsWith('.mvt')) {
      const bytes = new Uint8Array(await r.arrayBuffer());
      const raw = Buffer.from(bytes).toString('utf8');
      text = r.status === 200 ? JSON.stringify(LAYER_IDS.map((l) => decodeTile(bytes, l))) + raw : raw;
    } else text = await r.text();
    seen.set(path, `${r.status} ${text}`);
    return text;
  }

  beforeAll(async () => {
    app = await startTestApp(backend);
    hidden = await plant(app);
  });
  afterAll(() => app?.close());

  it('crawls every anonymous output and finds no sentinel', async () => {
    const paths = ['/api/health', '/api/config', '/api/basemap/context', '/api/auth/me', '/api/openapi.json', '/api/layers', '/ogc/', '/ogc/collections'];
    for (const id of LAYER_IDS) {
      paths.push(`/api/layers/${id}`, `/api/layers/${id}?limit=100000`, `/ogc/collections/${id}`, `/ogc/collections/${id}/items?limit=10000`);
      for (const ext of ['geojson', 'csv', 'xlsx']) paths.push(`/api/exports/${id}.${ext}`);
    }
    paths.push(`/ogc/collections/shelters/items/${hidden.hiddenShelterId}`, `/api/layers/shelters?isPublic=false`, '/api/layers/shelters?contactPhone=x', '/api/layers/nope', '/api/nope');
    for (const method of ['max', 'weighted']) {
      paths.push(`/api/analytics/risk-map?by=township&method=${method}`, `/api/analytics/risk-map?by=grid&cell=100&method=${method}&includeEmpty=true`, `/api/analytics/risk-map?by=grid&cell=100&shape=hex&method=${method}`);
    }
    paths.push('/api/analytics/risk-density?cell=100&bandwidth=100', '/api/analytics/risk-density');
    for (const planned of ['true', 'false']) {
      paths.push(`/api/analytics/shelter-per-capita?includePlanned=${planned}`, `/api/analytics/shelter-per-capita?includePlanned=${planned}&format=geojson`);
      for (const f of ['shelters', 'fire-stations', 'warehouses']) paths.push(`/api/analytics/coverage?facility=${f}&includePlanned=${planned}`);
    }
    const [lon, lat] = hidden.lonLat;
    paths.push(`/api/shelters/nearest?lon=${lon}&lat=${lat}&k=50`);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) paths.push(`/api/shelters/nearest?lon=${115.55 + i * 0.1}&lat=${35.95 + j * 0.08}&k=20`);
    for (const z of [8, 10, 12]) {
      const t = tileAt(lon, lat, z);
      for (const id of LAYER_IDS) paths.push(`/tiles/${id}/${t.z}/${t.x}/${t.y}.mvt`);
    }
    for (const p of paths) await anon(p);
    const leaks = [...seen].filter(([, text]) => text.includes(MARK) || text.includes(String(POPULATION))).map(([p, text]) => `${p}: …${text.slice(Math.max(0, text.search(new RegExp(`${MARK}|${POPULATION}`)) - 80), text.search(new RegExp(`${MARK}|${POPULATION}`)) + 60)}…`);
    expect(leaks).toEqual([]);
    // The crawl did reach real content: public layers, tiles and analytics answered.
    expect(seen.get('/api/layers/shelters')!.startsWith('200')).toBe(true);
    expect(seen.get('/api/analytics/coverage?facility=shelters&includePlanned=false')!.startsWith('200')).toBe(true);
  });

  it('counts only public rows for the public (catalogue and OGC counts equal what the public can list)', async () => {
    const listed = JSON.parse(await anon('/api/layers/shelters')).features.length;
    const catalogue = JSON.parse(await anon('/api/layers'));
    const entry = (catalogue.layers ?? catalogue).find((l: { id: string }) => l.id === 'shelters');
    expect(entry.count).toBe(listed);
    const all = await app.t.db.selectFrom('shelters').select(sql<string>`count(*)`.as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
    expect(Number(all.n)).toBeGreaterThan(listed);
  });

  it('aggregates the anonymous risk-map grid to at least the configured public cell (1 km), whatever cell is asked', async () => {
    const grid = JSON.parse(await anon('/api/analytics/risk-map?by=grid&cell=100'));
    const commander = await call(app, 'commander', 'GET', '/api/analytics/risk-map?by=grid&cell=100');
    expect(grid.features.length).toBeGreaterThan(0);
    expect(grid.features.length).toBeLessThan(commander.body.features.length);
    expect(JSON.stringify(grid)).not.toMatch(/"top"/);
  });

  it('keeps coverage output to public rows and fields', async () => {
    const shelters = JSON.parse(await anon('/api/analytics/coverage?facility=shelters'));
    const allowed = new Set((LAYERS['demand-points'].publicColumns as string[]).map((c) => c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase())));
    for (const f of shelters.uncovered.features) for (const k of Object.keys(f.properties)) expect(allowed.has(k), k).toBe(true);
    expect(JSON.stringify(shelters)).not.toMatch(/"version"|"createdAt"|"population":\s*\d+,\s*"code"/);
    expect((await fetch(`${app.url}/api/analytics/coverage?facility=warehouses`)).status).toBe(401);
  });

  it('sends the anonymous event stream nothing restricted while restricted rows change', async () => {
    const ac = new AbortController();
    const stream = await fetch(`${app.url}/api/events`, { headers: { 'last-event-id': '0' }, signal: ac.signal });
    const reader = stream.body!.getReader();
    let text = '';
    const reading = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          text += Buffer.from(value).toString('utf8');
        }
      } catch {
        /* aborted */
      }
    })();
    const wh = await app.t.db.selectFrom('warehouses').select(['id', 'version']).orderBy('id').executeTakeFirstOrThrow();
    await call(app, 'admin', 'PATCH', `/api/layers/warehouses/${wh.id}`, { version: wh.version, properties: { name: `${MARK}-renamed-warehouse` } });
    const sh = await app.t.db.selectFrom('shelters').select('version').where('id', '=', hidden.hiddenShelterId).executeTakeFirstOrThrow();
    await call(app, 'admin', 'PATCH', `/api/layers/shelters/${hidden.hiddenShelterId}`, { version: sh.version, properties: { name: `${MARK}-renamed-hidden` } });
    // then a public change: once its event is in, the two before it have been sent or withheld (one ordered stream)
    const open = await app.t.db.selectFrom('shelters').select(['id', 'version']).where('is_public', '=', true).where('deleted_at', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    const done = await call(app, 'admin', 'PATCH', `/api/layers/shelters/${open.id}`, { version: open.version, properties: { name: '公开避难场所 改名' } });
    expect(done.status).toBe(200);
    const changes = () => [...text.matchAll(/^event: change\ndata: (.+)$/gm)].map((m) => JSON.parse(m[1]!) as { layer: string; id: number; version: number });
    for (let i = 0; i < 3000 && !changes().some((c) => c.layer === 'shelters' && c.id === open.id && c.version === open.version + 1); i += 1) await new Promise((r) => setTimeout(r, 10));
    ac.abort();
    await reading;
    expect(changes()).toContainEqual(expect.objectContaining({ layer: 'shelters', id: open.id, version: open.version + 1 }));
    expect(changes().filter((c) => c.layer === 'warehouses' || (c.layer === 'shelters' && c.id === hidden.hiddenShelterId))).toEqual([]);
    expect(text).not.toContain(MARK);
  });
});
