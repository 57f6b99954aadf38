import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';

describe.each(testBackends())('site configuration on the %s backend', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(async () => app?.close());

  it('has no external base map by default, so the map needs no internet', async () => {
    const body = await (await fetch(`${app.url}/api/config`)).json();
    expect(body.baseMap).toBeNull();
    expect(body.perCapitaTargetM2).toBe(2.5);
    expect(body.riskLevels['1'].color).toMatch(/^#/);
    // The finder's rules, which it keeps for offline use: the configured usable statuses and walking speed.
    expect(body.usableShelterStatuses).toEqual(['built', 'open']);
    expect(body.walkingSpeedMPerMin).toBe(50);
    expect(body.shelterClasses['medium-term'].radiusM).toBe(1500);
  });

  it('serves the neighbouring counties for the offline base map', async () => {
    const res = await fetch(`${app.url}/api/basemap/context`);
    const fc = await res.json();
    expect(fc.features).toHaveLength(7);
    expect(fc.features[0].geometry.type).toBe('MultiPolygon');
    expect(fc.features.map((f: any) => f.properties.name)).not.toContain('阳谷县');
  });
});

describe('a site with a Tianditu key', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('embedded', 'empty', { TIANDITU_KEY: 'k3y' });
  });
  afterAll(async () => app?.close());

  it('offers the Tianditu vector map and annotation with the key', async () => {
    const body = await (await fetch(`${app.url}/api/config`)).json();
    expect(body.baseMap.tiles).toHaveLength(8);
    expect(body.baseMap.tiles[0]).toContain('tianditu.gov.cn/vec_w/wmts');
    expect(body.baseMap.tiles[0]).toContain('tk=k3y');
    expect(body.baseMap.overlay[0]).toContain('cva_w');
    expect(body.baseMap.attribution).toMatch(/天地图/);
  });
});
