import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';

async function post(app: TestApp, body: unknown, token?: string) {
  const res = await fetch(`${app.url}/api/incidents/impact`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe.each(testBackends())('POST /api/incidents/impact on the %s backend', (backend) => {
  let app: TestApp;
  let commander: string;
  let firstSource: { id: number; code: string; coordinates: [number, number] };
  beforeAll(async () => {
    app = await startTestApp(backend);
    commander = await app.login('commander');
    const res = await fetch(`${app.url}/api/layers/hazard-sources`, { headers: { authorization: `Bearer ${commander}` } });
    const f = ((await res.json()) as any).features.find((x: any) => x.properties.code === 'HS-001');
    firstSource = { id: f.id ?? f.properties.id, code: f.properties.code, coordinates: f.geometry.coordinates };
  });
  afterAll(async () => app?.close());

  it('answers a toxic release at a hazard source with zones, people, shelters, allocations, responders and supplies', async () => {
    const { status, body } = await post(app, { hazardSourceId: firstSource.id, windFromDeg: 0, windSpeedMs: 3 }, commander);
    expect(status).toBe(200);
    expect(body.scenario).toMatchObject({ type: 'toxic-release', shape: 'plume', plumeBearingDeg: 180, sourceId: firstSource.id });
    expect(body.zones.type).toBe('FeatureCollection');
    expect(body.zones.features.map((z: any) => z.properties.key)).toEqual(['severe', 'evacuate', 'shelter-in-place']);
    expect(body.population).toBe(body.zones.features.reduce((n: number, z: any) => n + z.properties.population, 0));
    expect(body.villages.length).toBeGreaterThan(0);
    for (const key of ['riskPoints', 'hazardSources', 'unsafeShelters', 'safeShelters', 'allocations', 'fireStations', 'warehouses']) expect(Array.isArray(body[key])).toBe(true);
    expect(body.allocationLines.features).toHaveLength(body.allocations.length);
    expect(body.timeMs).toBeGreaterThan(0);
  });

  it('places every evacuee of the sample release within shelter capacity', async () => {
    const { body } = await post(app, { hazardSourceId: firstSource.id, windFromDeg: 0, windSpeedMs: 3 }, commander);
    const placed = body.allocations.reduce((n: number, a: any) => n + a.people, 0);
    expect(placed + body.unplaced).toBe(body.evacuees);
    for (const s of body.safeShelters) {
      const sent = body.allocations.filter((a: any) => a.shelterId === s.id).reduce((n: number, a: any) => n + a.people, 0);
      expect([s.allocated, s.remainingCapacity]).toEqual([sent, s.capacity - sent]);
      expect(sent).toBeLessThanOrEqual(s.capacity);
    }
  });

  it('leaves the hazard source itself out of the domino candidates', async () => {
    const { body } = await post(app, { hazardSourceId: firstSource.code, type: 'explosion', radiiM: [500, 2000, 8000] }, commander);
    expect(body.hazardSources.length).toBeGreaterThan(0);
    expect(body.hazardSources.map((h: any) => h.id)).not.toContain(firstSource.id);
  });

  it('infers the scenario type from the source’s substances (HS-001 holds ammonia: a toxic release)', async () => {
    const { body } = await post(app, { hazardSourceId: firstSource.id }, commander);
    expect(body.scenario.type).toBe('toxic-release');
  });

  it('sorts fire stations by arrival time', async () => {
    const { body } = await post(app, { location: [115.79, 36.11], type: 'fire' }, commander);
    const etas = body.fireStations.map((s: any) => s.etaMinutes);
    expect(etas.length).toBeGreaterThan(0);
    expect(etas).toEqual([...etas].sort((a: number, b: number) => a - b));
  });

  it('lists warehouses nearest first, with their stock lines', async () => {
    const { body } = await post(app, { location: [115.79, 36.11], type: 'fire' }, commander);
    const d = body.warehouses.map((w: any) => w.distanceM);
    expect(d).toEqual([...d].sort((a: number, b: number) => a - b));
    expect(body.warehouses[0].stock[0]).toEqual(expect.objectContaining({ item: expect.any(String), quantity: expect.any(Number) }));
  });

  it('calls a shelter inside the zones unsafe and never sends anyone there', async () => {
    const { body } = await post(app, { location: [115.79, 36.11], type: 'explosion', radiiM: [1000, 3000, 6000] }, commander);
    expect(body.unsafeShelters.length).toBeGreaterThan(0);
    const unsafe = new Set(body.unsafeShelters.map((s: any) => s.id));
    expect(body.allocations.some((a: any) => unsafe.has(a.shelterId))).toBe(false);
  });

  it('lets planners and admins run it too', async () => {
    for (const role of ['planner', 'admin'] as const) expect((await post(app, { location: [115.79, 36.11], type: 'fire' }, await app.login(role))).status).toBe(200);
  });

  it('answers 401 to anonymous callers', async () => {
    const { status, body } = await post(app, { location: [115.79, 36.11], type: 'fire' });
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthenticated');
  });

  it('answers 404 naming hazardSourceId for a source that does not exist', async () => {
    const { status, body } = await post(app, { hazardSourceId: 999_999 }, commander);
    expect(status).toBe(404);
    expect(body.error.details.fields[0].field).toBe('hazardSourceId');
  });

  it.each([
    [{ type: 'fire' }, 'location'],
    [{ location: [115.79, 36.11], hazardSourceId: 1, type: 'fire' }, 'hazardSourceId'],
    [{ location: [115.79, 36.11] }, 'type'],
    [{ location: [115.79, 36.11], type: 'flood' }, 'type'],
    [{ location: [215, 36.11], type: 'fire' }, 'location.0'],
    [{ location: [115.79], type: 'fire' }, 'location'],
    [{ location: [115.79, 36.11], type: 'fire', radiiM: [300, 100] }, 'radiiM'],
    [{ location: [115.79, 36.11], type: 'fire', radiiM: [100, 200, 300, 400] }, 'radiiM'],
    [{ location: [115.79, 36.11], type: 'fire', radiiM: [-1] }, 'radiiM.0'],
    [{ location: [115.79, 36.11], type: 'toxic-release', windFromDeg: 361 }, 'windFromDeg'],
    [{ location: [115.79, 36.11], type: 'toxic-release', windFromDeg: 10, windSpeedMs: 'fast' }, 'windSpeedMs'],
    [{ location: [115.79, 36.11], type: 'fire', colour: 'red' }, 'colour'],
  ])('rejects %j with 400 naming %s', async (bad, field) => {
    const { status, body } = await post(app, bad, commander);
    expect(status).toBe(400);
    expect(body.error.details.fields[0].field).toBe(field);
  });
});
