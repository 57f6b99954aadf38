import { LAYER_IDS } from '@riskmap/geo';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, TEST_PASSWORD, type TestApp } from './harness.js';
import { HAS_GDAL, OGR2OGR, compareValue, expectedGpkgTypes, readGpkg, run } from './gdal-support.js';

type Schema = { properties: Record<string, { type?: string; format?: string; items?: { type?: string } }> };
type FC = { features: { id: number; properties: Record<string, unknown> }[] };

/**
 * GDAL's OAPIF driver against the running server: every collection copied to a GeoPackage keeps every
 * field's type and value exactly as /api/layers serves it.
 */
describe.skipIf(!HAS_GDAL).each(testBackends())('GDAL clients on %s', (backend) => {
  let app: TestApp;
  let token: string;
  let dir: string;
  const getJson = async <T>(path: string, headers: Record<string, string> = {}) => (await (await fetch(`${app.url}${path}`, { headers })).json()) as T;

  beforeAll(async () => {
    app = await startTestApp(backend);
    token = await app.login('commander');
    dir = mkdtempSync(join(tmpdir(), 'riskmap-gdal-'));
  });
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function copyAll(name: string, env: Record<string, string>): Promise<string> {
    const out = join(dir, `${name}.gpkg`);
    await run(OGR2OGR, ['-f', 'GPKG', out, `OAPIF:${app.url}/ogc`, '-oo', 'PAGE_SIZE=1000'], { timeout: 240_000, env: { ...process.env, ...env } });
    return out;
  }

  async function differences(path: string, headers: Record<string, string>): Promise<{ layers: string[]; diffs: string[] }> {
    const tables = await readGpkg(path);
    const diffs: string[] = [];
    for (const [layer, table] of Object.entries(tables)) {
      const schema = await getJson<Schema>(`/ogc/collections/${layer}/schema`, headers);
      const api = await getJson<FC>(`/api/layers/${layer}`, headers);
      const byId = new Map(table.rows.map((r) => [r.id as number, r]));
      if (byId.size !== api.features.length) diffs.push(`${layer}: ${byId.size} rows in the GeoPackage, ${api.features.length} from the API`);
      for (const [name, prop] of Object.entries(schema.properties)) {
        if (name === 'geometry') continue;
        const stored = table.types[name];
        if (!expectedGpkgTypes(prop).includes(stored ?? '')) diffs.push(`${layer}.${name}: stored as ${stored}, schema says ${JSON.stringify(prop)}`);
      }
      for (const f of api.features) {
        const row = byId.get(f.id);
        if (!row) continue;
        for (const [name, prop] of Object.entries(schema.properties)) {
          if (name === 'geometry' || name === 'stock') continue;
          const d = compareValue(prop, f.properties[name], row[name]);
          if (d) diffs.push(`${layer}#${f.id}.${name}: ${d}`);
        }
      }
    }
    return { layers: Object.keys(tables), diffs };
  }

  it('copies every public collection anonymously with 0 differences in field types and values', async () => {
    const path = await copyAll('anonymous', {});
    const { layers, diffs } = await differences(path, {});
    const anon = await getJson<{ collections: { id: string }[] }>('/ogc/collections');
    expect(layers.sort()).toEqual(anon.collections.map((c) => c.id).sort());
    expect(diffs.slice(0, 20)).toEqual([]);
  });

  it('copies every collection signed in with HTTP Basic (GDAL_HTTP_USERPWD) keeping decimals exactly', async () => {
    const path = await copyAll('basic', { GDAL_HTTP_USERPWD: `commander:${TEST_PASSWORD}` });
    const auth = { authorization: `Bearer ${token}` };
    const { layers, diffs } = await differences(path, auth);
    expect(layers).toHaveLength(LAYER_IDS.length); // every layer a signed-in user reads, the hidden-hazard register included
    expect(diffs.slice(0, 20)).toEqual([]);
    const scores = (await readGpkg(path))['risk-points']!.rows.map((r) => r.score as number);
    expect(scores.some((s) => !Number.isInteger(s))).toBe(true);
  });

  it('copies every collection with a personal API key (GDAL_HTTP_HEADERS: X-API-Key) with 0 differences', async () => {
    const created = await fetch(`${app.url}/api/api-keys`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ name: 'GDAL 测试', scope: 'read' }),
    });
    const { key } = (await created.json()) as { key: string };
    const path = await copyAll('api-key', { GDAL_HTTP_HEADERS: `X-API-Key: ${key}` });
    const { layers, diffs } = await differences(path, { 'x-api-key': key });
    expect(layers).toHaveLength(LAYER_IDS.length); // every layer a signed-in user reads, the hidden-hazard register included
    expect(diffs.slice(0, 20)).toEqual([]);
  });

  it('sends -where (as CQL2 text) and -spat (as bbox) to the server instead of reading the whole layer', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const all = await getJson<FC & { numberMatched: number }>('/ogc/collections/risk-points/items?limit=10000', auth);
    const out = join(dir, 'filtered.gpkg');
    const { stderr } = await run(
      OGR2OGR,
      ['-f', 'GPKG', out, `OAPIF:${app.url}/ogc`, 'risk-points', '-oo', 'PAGE_SIZE=1000', '-where', 'score > 100.5', '-spat', '115.7', '36.0', '115.95', '36.3', '--config', 'CPL_DEBUG', 'ON'],
      { timeout: 120_000, env: { ...process.env, GDAL_HTTP_HEADERS: `Authorization: Bearer ${token}` } },
    );
    const itemRequests = stderr.split('\n').filter((l) => /HTTP: Fetch\(.*\/items/.test(l));
    expect(itemRequests.length).toBeGreaterThan(0);
    // the first request (limit only) is GDAL reading one page to set up the layer; every read after it carries both filters
    const reads = itemRequests.slice(1);
    expect(reads.length).toBeGreaterThan(0);
    for (const l of reads) {
      const bbox = /[?&]bbox=([^&)]+)/.exec(l)?.[1]?.split(',').map(Number) ?? [];
      expect(bbox.map((v) => Number(v.toFixed(9)))).toEqual([115.7, 36, 115.95, 36.3]);
    }
    const filtered = reads.filter((l) => /filter=/.test(l));
    expect(filtered).toHaveLength(reads.length);
    expect(decodeURIComponent(filtered[0]!)).toContain('score > 100.5');
    const expected = await getJson<FC & { numberMatched: number }>(`/ogc/collections/risk-points/items?limit=10000&bbox=115.7,36,115.95,36.3&filter=${encodeURIComponent('score > 100.5')}`, auth);
    const rows = (await readGpkg(out))['risk-points']!.rows;
    expect(rows.map((r) => r.id).sort((a, b) => (a as number) - (b as number))).toEqual(expected.features.map((f) => f.id));
    expect(expected.numberMatched).toBeLessThan(all.numberMatched);
    expect(expected.numberMatched).toBeGreaterThan(0);
  });

  it('serves EPSG:4490 and CGCS2000 Gauss-Krüger coordinates matching GDAL\'s own reprojection to < 0.1 m', async () => {
    const auth = { authorization: `Bearer ${token}` };
    for (const code of [4490, 4548, 4527, 3857]) {
      const out = join(dir, `gdal-${code}.geojson`);
      await run(OGR2OGR, ['-f', 'GeoJSON', out, `OAPIF:${app.url}/ogc`, 'shelters', '-oo', 'PAGE_SIZE=1000', '-t_srs', `EPSG:${code}`], {
        timeout: 120_000, env: { ...process.env, GDAL_HTTP_HEADERS: `Authorization: Bearer ${token}` },
      });
      const gdal = JSON.parse(readFileSync(out, 'utf8')) as { features: { properties: { id: number }; geometry: { coordinates: [number, number] } }[] };
      const r = await fetch(`${app.url}/ogc/collections/shelters/items?limit=1000&crs=${encodeURIComponent(`http://www.opengis.net/def/crs/EPSG/0/${code}`)}`, { headers: auth });
      expect(r.headers.get('content-crs')).toBe(`<http://www.opengis.net/def/crs/EPSG/0/${code}>`);
      const ours = new Map(((await r.json()) as FC & { features: { geometry: { coordinates: [number, number] } }[] }).features.map((f) => [f.id, f.geometry.coordinates]));
      // the server answers in the CRS's axis order (4490: lat, lon; Gauss-Krüger: northing, easting); GDAL writes east first
      const eastFirst = code === 3857;
      let worst = 0;
      for (const f of gdal.features) {
        const p = ours.get(f.properties.id)!;
        const [e, n] = eastFirst ? p : [p[1], p[0]];
        const [ge, gn] = f.geometry.coordinates;
        const metres = code === 4490 ? Math.hypot((e - ge) * 111_320 * Math.cos((gn * Math.PI) / 180), (n - gn) * 110_574) : Math.hypot(e - ge, n - gn);
        worst = Math.max(worst, metres);
      }
      expect(gdal.features.length).toBe(ours.size);
      expect(worst, `EPSG:${code}`).toBeLessThan(0.1);
    }
  });
});
