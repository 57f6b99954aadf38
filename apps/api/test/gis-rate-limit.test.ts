import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { tileAt } from './tiles-decode.js';

/**
 * The default budget (burst 3000 cost units) with rate limiting on: a desktop client panning is not throttled,
 * a layer scraper is. The refill is set to 1 unit/s here so the result does not depend on how fast the machine
 * answers the parallel requests.
 */
describe.each(testBackends())('map-client rate limits on %s', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, 'sample', { RATE_LIMIT: 'on', RATE_LIMIT_GIS_PER_SECOND: '1' });
  });
  afterAll(() => app?.close());

  it('serves an anonymous QGIS-like pan of 340 parallel tile requests without a single 429', async () => {
    const from = { 'x-forwarded-for': '198.51.100.20' };
    const c = tileAt(115.8, 36.1, 12);
    const urls: string[] = [];
    for (const layer of ['shelters', 'townships', 'fire-stations', 'demand-points']) {
      for (let dx = -4; dx <= 4; dx++) for (let dy = -4; dy <= 4; dy++) urls.push(`${app.url}/tiles/${layer}/12/${c.x + dx}/${c.y + dy}.mvt`);
    }
    urls.push(...urls.slice(0, 340 - urls.length));
    expect(urls).toHaveLength(340);
    const statuses = await Promise.all(urls.map(async (u) => (await fetch(u, { headers: from })).status));
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  it('limits an anonymous address that pulls whole layers page after page', async () => {
    const from = { 'x-forwarded-for': '198.51.100.21' };
    // 60 pages of up to 10 000 features at once: 100 cost units each against a 3000-unit budget
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => fetch(`${app.url}/ogc/collections/demand-points/items?limit=10000&offset=${i}`, { headers: from })),
    );
    const limited = responses.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(20);
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    await Promise.all(responses.map((r) => r.arrayBuffer()));
  });
});
