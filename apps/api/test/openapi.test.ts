import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';

type Doc = { openapi: string; paths: Record<string, Record<string, { parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[]; responses: Record<string, { content?: Record<string, unknown> }> }>> };

describe('the OpenAPI document and docs page', () => {
  let app: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    app = await startTestApp('embedded');
    doc = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as Doc;
  });
  afterAll(() => app?.close());

  it('is OpenAPI 3.1 and documents the layer, OGC and tile operations', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/layers', '/api/layers/{id}', '/ogc', '/ogc/conformance', '/ogc/collections', '/ogc/collections/{collectionId}/items', '/ogc/collections/{collectionId}/items/{featureId}', '/tiles/{layer}/{z}/{x}/{y}.mvt']) {
      expect(doc.paths[p]?.get, p).toBeDefined();
    }
  });

  it('takes its parameter schemas from the zod schemas that validate the requests', async () => {
    const params = doc.paths['/api/layers/{id}']!.get!.parameters;
    expect(params.find((p) => p.name === 'limit')).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 10000 } });
    expect(params.find((p) => p.name === 'id')).toMatchObject({ in: 'path', required: true });
    // the same bound the document states is the one the route enforces
    expect((await fetch(`${app.url}/api/layers/shelters?limit=10001`)).status).toBe(400);
    expect((await fetch(`${app.url}/api/layers/shelters?limit=10000`)).status).toBe(200);
    const tile = doc.paths['/tiles/{layer}/{z}/{x}/{y}.mvt']!.get!;
    expect(tile.parameters.find((p) => p.name === 'z')!.schema).toMatchObject({ type: 'integer', minimum: 0, maximum: 22 });
    expect(Object.keys(tile.responses['200']!.content!)).toEqual(['application/vnd.mapbox-vector-tile']);
  });

  it('documents the analytics, public, siting and what-if operations with their parameters', () => {
    for (const [p, m] of [['/api/analytics/risk-map', 'get'], ['/api/analytics/shelter-per-capita', 'get'], ['/api/analytics/coverage', 'get'], ['/api/shelters/nearest', 'get'], ['/api/siting', 'post'], ['/api/siting/scenarios', 'post'], ['/api/incidents/impact', 'post']] as const) {
      expect(doc.paths[p]?.[m], `${m} ${p}`).toBeDefined();
    }
    const nearest = doc.paths['/api/shelters/nearest']!.get!.parameters;
    expect(nearest.find((p) => p.name === 'lon')).toMatchObject({ in: 'query', required: true });
    expect(doc.paths['/api/analytics/risk-map']!.get!.parameters.find((p) => p.name === 'by')?.schema).toMatchObject({ enum: ['township', 'grid'] });
  });

  it('gives every operation a unique operationId', () => {
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => (o as unknown as { operationId: string }).operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('serves a plain HTML docs page listing the operations, without external scripts', async () => {
    const r = await fetch(`${app.url}/api/docs`);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await r.text();
    expect(html).toContain('GET /ogc/collections/{collectionId}/items');
    expect(html).toContain('GET /tiles/{layer}/{z}/{x}/{y}.mvt');
    expect(html).not.toMatch(/<script|https?:\/\/(?!127)/);
  });
});
