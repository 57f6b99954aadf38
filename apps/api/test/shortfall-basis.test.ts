import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { call } from './siting-helpers.js';

/** The two county shortfalls of docs/coverage-model.md §Shortfall, on the sample. */
describe.each(testBackends().slice(0, 1))('named county shortfalls on the %s backend', (backend) => {
  let app: TestApp;
  let planner: string;
  beforeAll(async () => {
    app = await startTestApp(backend);
    planner = await app.login('planner');
  });
  afterAll(async () => app?.close());

  type Row = { population: number; effectiveAreaM2: number; shortfallM2: number };
  const perCapita = async (target: number) => (await call(app, 'GET', `/api/analytics/shelter-per-capita?target=${target}`, planner)).body as { townships: Row[]; county: Row; shortfall: { netM2: number; sumOfTownshipsM2: number } };

  it('gives the net county shortfall and the sum of township shortfalls; townships with a surplus make the sum larger', async () => {
    const a = await perCapita(2.5);
    expect(a.shortfall.netM2).toBe(a.county.shortfallM2);
    expect(a.shortfall.netM2).toBe(Math.max(0, Math.ceil(2.5 * a.county.population - a.county.effectiveAreaM2)));
    expect(a.shortfall.sumOfTownshipsM2).toBe(a.townships.reduce((s, r) => s + r.shortfallM2, 0));
    // The sample has townships above the target, whose surplus only the net figure counts.
    expect(a.townships.some((r) => r.effectiveAreaM2 > 2.5 * r.population)).toBe(true);
    expect(a.shortfall.sumOfTownshipsM2).toBeGreaterThan(a.shortfall.netM2);
  });

  it('gives the same figure both ways when no township has a surplus', async () => {
    const a = await perCapita(100);
    expect(a.townships.every((r) => r.effectiveAreaM2 <= 100 * r.population)).toBe(true);
    expect(a.shortfall.sumOfTownshipsM2).toBe(a.shortfall.netM2);
    expect(a.shortfall.netM2).toBeGreaterThan(0);
  });

  it("names shelter-gap siting's shortfall as the sum of township shortfalls, the per-capita figure before any site", async () => {
    const { status, body } = await call(app, 'POST', '/api/siting', planner, { problem: 'shelter-gap' });
    expect(status).toBe(200);
    expect(body.before.shortfallBasis).toBe('sum-of-townships');
    expect(body.after.shortfallBasis).toBe('sum-of-townships');
    const a = await perCapita(body.perCapitaTargetM2);
    // One definition (areaShortfallM2): siting's before is exactly the per-capita page's sum of township shortfalls.
    expect(body.before.shortfallM2).toBe(a.shortfall.sumOfTownshipsM2);
    expect(body.before.shortfallM2).toBeGreaterThan(a.shortfall.netM2);
    expect(body.after.shortfallM2).toBeLessThan(body.before.shortfallM2);
  });
});
