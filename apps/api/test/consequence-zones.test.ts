import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consequenceZones } from '@riskmap/geo';
import { domainDefaults } from '@riskmap/config';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { call } from './siting-helpers.js';

// The what-if draws zones from the hazard source's substance, quantity and scenario.
describe.each(testBackends())('consequence-based zones on the %s backend', (backend) => {
  let app: TestApp;
  let commander: string;
  let sources: any[];
  beforeAll(async () => {
    app = await startTestApp(backend);
    commander = await app.login('commander');
    sources = (await call(app, 'GET', '/api/layers/hazard-sources', commander)).body.features;
  });
  afterAll(async () => app?.close());

  const impact = (body: unknown) => call(app, 'POST', '/api/incidents/impact', commander, body);

  it('sizes a toxic release at a stored source from its substance and quantity, and names the model', async () => {
    const src = sources.find((f) => f.properties.substances?.some((s: any) => s.category === 'toxic-gas' && s.formula));
    const r = await impact({ hazardSourceId: src.properties.code, type: 'toxic-release' });
    expect(r.status).toBe(200);
    const expected = consequenceZones('toxic-release', src.properties.substances, domainDefaults.incident);
    expect(r.body.consequence).toMatchObject({ method: 'gaussian-plume-erpg', radiiM: expected.radiiM });
    expect(r.body.scenario.radiiM).toEqual(expected.radiiM);
    expect(r.body.consequence.zh).toContain('ERPG');
  });

  it('gives different zones to different substances and quantities (no one-size placeholder)', async () => {
    const toxic = sources.filter((f) => f.properties.substances?.some((s: any) => s.category === 'toxic-gas' && s.formula));
    const radii = new Set<string>();
    for (const f of toxic) radii.add(JSON.stringify((await impact({ hazardSourceId: f.properties.code, type: 'toxic-release' })).body.scenario.radiiM));
    expect(radii.size).toBeGreaterThan(1);
  });

  it('labels the generic radii of a bare location as indicative, and keeps radii a caller gives', async () => {
    const bare = await impact({ location: [115.79, 36.11], type: 'explosion' });
    expect(bare.body.consequence).toMatchObject({ method: 'generic', radiiM: [300, 1000, 2000] });
    const given = await impact({ location: [115.79, 36.11], type: 'explosion', radiiM: [100, 200, 300] });
    expect(given.body.consequence).toMatchObject({ method: 'given', radiiM: [100, 200, 300] });
  });
});
