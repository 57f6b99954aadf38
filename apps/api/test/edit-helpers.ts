import type { Feature } from 'geojson';
import type { TestApp, TestRole } from './harness.js';

export interface Answer<T = any> {
  status: number;
  body: T;
}

/**
 * A JSON request to the test app as a role (or anonymous with role undefined).
 * @example const r = await call(app, 'planner', 'PATCH', '/api/layers/shelters/1', { version: 1, properties: {} })
 */
export async function call<T = any>(app: TestApp, role: TestRole | undefined, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (role) headers.authorization = `Bearer ${await tokenFor(app, role)}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(`${app.url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

const tokens = new WeakMap<TestApp, Map<TestRole, string>>();
/** A bearer token for the role, signed in once per app. */
export async function tokenFor(app: TestApp, role: TestRole): Promise<string> {
  let byRole = tokens.get(app);
  if (!byRole) tokens.set(app, (byRole = new Map()));
  if (!byRole.has(role)) byRole.set(role, await app.login(role));
  return byRole.get(role)!;
}

/** One stored shelter (any columns), by a township predicate, read straight from the database. */
export async function someShelter(app: TestApp, inScope: boolean): Promise<{ id: number; version: number; township_code: string | null; lonLat: [number, number] }> {
  let q = app.t.db
    .selectFrom('shelters')
    .select(['id', 'version', 'township_code'])
    .select((eb) => [eb.fn<number>('ST_X', ['geom']).as('lon'), eb.fn<number>('ST_Y', ['geom']).as('lat')])
    .where('deleted_at', 'is', null)
    .orderBy('id');
  q = inScope ? q.where('township_code', '=', app.scopeTownship) : q.where('township_code', '!=', app.scopeTownship);
  const row = await q.executeTakeFirstOrThrow();
  return { id: row.id, version: row.version, township_code: row.township_code, lonLat: [Number(row.lon), Number(row.lat)] };
}

/** A new shelter feature at lon/lat, with every required property. */
export function newShelter(code: string, lonLat: [number, number], props: Record<string, unknown> = {}): Feature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: lonLat },
    properties: {
      code,
      name: '测试避难场所',
      shelterClass: 'emergency',
      siteType: 'park',
      totalAreaM2: 5000,
      effectiveAreaM2: 3000,
      capacity: 1500,
      status: 'built',
      ...props,
    },
  };
}

/** Audit rows of one feature, counted straight from the database. */
export async function auditCount(app: TestApp, layer: string, featureId?: number): Promise<number> {
  let q = app.t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('layer', '=', layer);
  if (featureId !== undefined) q = q.where('feature_id', '=', featureId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
