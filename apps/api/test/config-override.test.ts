import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domainDefaults } from '@riskmap/config';
import { testBackends } from '@riskmap/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';
import { call } from './siting-helpers.js';

/** The site's overrides (RISKMAP_CONFIG): slower fire engines, a longer turn-out and a larger detour than the defaults. */
const OVERRIDES = { fireStations: { turnoutMinutes: 4, speedKmh: { urban: 10, rural: 12 }, detourFactor: 1.5 } };

/** A road grid over the county every 0.02° (lines share their crossing vertices), with no speeds of its own. */
function roadGrid() {
  const lons = Array.from({ length: 26 }, (_, i) => 115.5 + i * 0.02);
  const lats = Array.from({ length: 26 }, (_, i) => 35.85 + i * 0.02);
  const line = (coordinates: number[][]) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } });
  return {
    type: 'FeatureCollection',
    features: [...lons.map((lon) => line(lats.map((lat) => [lon, lat]))), ...lats.map((lat) => line(lons.map((lon) => [lon, lat])))],
  };
}

// The configuration reaches the algorithms: fire-station siting over a road network takes the speed,
// detour and turn-out it is not given from the site's configuration, not from the defaults.
describe.each(testBackends())('configuration overrides reach siting on the %s backend', (backend) => {
  let app: TestApp;
  let planner: string;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'riskmap-config-'));
    writeFileSync(join(dir, 'riskmap.json'), JSON.stringify(OVERRIDES));
    app = await startTestApp(backend, 'sample', { RISKMAP_CONFIG: join(dir, 'riskmap.json') });
    planner = await app.login('planner');
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses the configured speed, detour and turn-out, and the answer changes with them', async () => {
    const problem = { problem: 'mclp', facility: 'fire-station', p: 1, minutes: 10, riskWeighting: false, exact: false };
    const configured = await call(app, 'POST', '/api/siting', planner, { ...problem, impedance: { kind: 'network', network: roadGrid() } });
    expect(configured.status).toBe(200);
    expect(configured.body.impedance).toMatchObject({ kind: 'network', speedKmh: 10, detourFactor: 1.5, turnoutMinutes: 4 });
    const fire = domainDefaults.fireStations;
    const defaults = await call(app, 'POST', '/api/siting', planner, {
      ...problem,
      impedance: { kind: 'network', network: roadGrid(), defaultSpeedKmh: fire.speedKmh.urban, detourFactor: fire.detourFactor, turnoutMinutes: fire.turnoutMinutes },
    });
    expect(defaults.status).toBe(200);
    expect(defaults.body.impedance).toMatchObject({ speedKmh: 30, detourFactor: 1.3, turnoutMinutes: 1 });
    // Engines at 10 km/h reach fewer people within 10 minutes than at the default 30 km/h.
    expect(configured.body.before.coveredWeight).toBeLessThan(defaults.body.before.coveredWeight);
  });
});
