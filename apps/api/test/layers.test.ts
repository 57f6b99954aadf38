import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';

type FC = { type: string; features: { id: number; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[]; numberMatched: number; numberReturned: number; links: { rel: string; href: string }[] };

describe.each(testBackends())('layer reading on %s', (backend) => {
  let app: TestApp;
  let auth: Record<string, string>;
  const get = async (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });
  beforeAll(async () => {
    app = await startTestApp(backend);
    auth = { authorization: `Bearer ${await app.login('commander')}` };
  });
  afterAll(() => app?.close());

  it('lists every layer with title, geometry type, count, extent and public flag for a commander', async () => {
    const body = (await (await get('/api/layers', auth)).json()) as { layers: { id: string; title: { zh: string; en: string }; geometryType: string; count: number; extent: number[]; public: boolean }[] };
    expect(body.layers.map((l) => l.id).sort()).toEqual(['candidate-sites', 'demand-points', 'fire-stations', 'hazard-sources', 'hidden-hazards', 'risk-points', 'shelters', 'townships', 'warehouses']);
    const shelters = body.layers.find((l) => l.id === 'shelters')!;
    expect(shelters).toMatchObject({ title: { zh: '应急避难场所', en: 'Emergency shelters' }, geometryType: 'Point', public: true });
    expect(shelters.count).toBeGreaterThan(0);
    const [x0, y0, x1, y1] = shelters.extent;
    expect(x0! < x1! && y0! < y1! && x0! > 115 && x1! < 117 && y0! > 35 && y1! < 37).toBe(true);
    expect(body.layers.find((l) => l.id === 'risk-points')!.public).toBe(false);
  });

  it('lists only public layers to anonymous users', async () => {
    const body = (await (await get('/api/layers')).json()) as { layers: { id: string; public: boolean }[] };
    expect(body.layers.length).toBeGreaterThan(0);
    expect(body.layers.every((l) => l.public)).toBe(true);
    expect(body.layers.map((l) => l.id)).not.toContain('hazard-sources');
  });

  it('pages with limit and offset and links to the next page until the end', async () => {
    const first = (await (await get('/api/layers/demand-points?limit=7', auth)).json()) as FC;
    expect(first.numberReturned).toBe(7);
    const next = first.links.find((l) => l.rel === 'next')!;
    expect(new URL(next.href).searchParams.get('offset')).toBe('7');
    const second = (await (await get(new URL(next.href).pathname + new URL(next.href).search, auth)).json()) as FC;
    expect(second.features[0]!.id).not.toBe(first.features[0]!.id);
    const all = (await (await get('/api/layers/demand-points', auth)).json()) as FC;
    expect(second.features.map((f) => f.id)).toEqual(all.features.slice(7, 14).map((f) => f.id));
    const last = (await (await get(`/api/layers/demand-points?limit=7&offset=${all.numberMatched - 3}`, auth)).json()) as FC;
    expect(last.numberReturned).toBe(3);
    expect(last.links.some((l) => l.rel === 'next')).toBe(false);
  });

  it('returns only the features whose box meets the bbox', async () => {
    const all = (await (await get('/api/layers/shelters', auth)).json()) as FC;
    const box = [115.7, 36.0, 115.85, 36.2];
    const inside = all.features.filter(({ geometry: { coordinates: [x, y] } }) => x! >= box[0]! && x! <= box[2]! && y! >= box[1]! && y! <= box[3]!);
    const r = (await (await get(`/api/layers/shelters?bbox=${box.join(',')}`, auth)).json()) as FC;
    expect(inside.length).toBeGreaterThan(0);
    expect(r.features.map((f) => f.id)).toEqual(inside.map((f) => f.id));
    expect(r.numberMatched).toBe(inside.length);
  });

  it('filters on known properties, any of repeated values, combined with AND', async () => {
    const all = (await (await get('/api/layers/risk-points', auth)).json()) as FC;
    const expected = all.features.filter((f) => [1, 2].includes(f.properties.level as number) && f.properties.assessmentMethod === 'lec');
    const r = (await (await get('/api/layers/risk-points?level=1&level=2&assessmentMethod=lec', auth)).json()) as FC;
    expect(expected.length).toBeGreaterThan(0);
    expect(r.features.map((f) => f.id)).toEqual(expected.map((f) => f.id));
  });

  it('answers 400 naming the field for an unknown filter, a badly typed value, a bad bbox and unknown fields', async () => {
    for (const [query, field] of [['colour=red', 'colour'], ['level=high', 'level'], ['bbox=1,2,3', 'bbox'], ['fields=name,secret', 'fields'], ['limit=0', 'limit']] as const) {
      const r = await get(`/api/layers/risk-points?${query}`, auth);
      expect(r.status, query).toBe(400);
      const body = (await r.json()) as { error: { code: string; details: { fields: { field: string }[] } } };
      expect(body.error.details.fields[0]!.field, query).toBe(field);
    }
  });

  it('returns only the requested fields (and the id)', async () => {
    const r = (await (await get('/api/layers/shelters?fields=name,status&limit=3', auth)).json()) as FC;
    for (const f of r.features) expect(Object.keys(f.properties).sort()).toEqual(['id', 'name', 'status']);
  });

  it('gives anonymous users public shelters with public fields only, and 401 for a non-public layer', async () => {
    const r = (await (await get('/api/layers/shelters')).json()) as FC;
    const keys = new Set(r.features.flatMap((f) => Object.keys(f.properties)));
    for (const restricted of ['contactPerson', 'contactPhone', 'isPublic', 'totalAreaM2', 'site']) expect(keys.has(restricted), restricted).toBe(false);
    const full = (await (await get('/api/layers/shelters', auth)).json()) as FC;
    expect(r.features.map((f) => f.id)).toEqual(full.features.filter((f) => f.properties.isPublic).map((f) => f.id));
    expect((await get('/api/layers/shelters?contactPhone=1')).status).toBe(400);
    const hidden = await get('/api/layers/hazard-sources');
    expect(hidden.status).toBe(401);
    expect(((await hidden.json()) as { error: { code: string } }).error.code).toBe('login_required');
  });

  it('answers 404 for an unknown layer', async () => {
    expect((await get('/api/layers/volcanoes', auth)).status).toBe(404);
  });
});
