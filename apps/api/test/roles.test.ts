import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '@riskmap/db';
import { toCamel } from '@riskmap/db';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp, type TestRole } from './harness.js';
import { newShelter, someShelter } from './edit-helpers.js';

type Who = 'public' | TestRole;
const WHO: Who[] = ['public', 'commander', 'planner', 'admin', 'scoped-planner'];
type Expect = Record<Who, number>;

const all = (s: number): Expect => ({ public: s, commander: s, planner: s, admin: s, 'scoped-planner': s });
const signedIn = (s: number): Expect => ({ ...all(s), public: 401 });
const editors = (s: number): Expect => ({ ...all(s), public: 401, commander: 403 });
const adminOnly = (s: number): Expect => ({ public: 401, commander: 403, planner: 403, admin: s, 'scoped-planner': 403 });

interface Req {
  method: string;
  path: string;
  body?: unknown;
}
interface RouteCase {
  route: string;
  expect: Expect;
  /** The request for a role (built at call time: edits read the current version first). */
  request: (who: Who, app: TestApp) => Promise<Req> | Req;
}

const get = (path: string) => () => ({ method: 'GET', path });
const liveVersion = async (app: TestApp, table: 'shelters' | 'fire_stations', id: number) =>
  (await app.t.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
let serial = 0;

const ROUTES: RouteCase[] = [
  { route: 'GET /api/health', expect: all(200), request: get('/api/health') },
  { route: 'GET /api/auth/me', expect: all(200), request: get('/api/auth/me') },
  { route: 'GET /api/openapi.json', expect: all(200), request: get('/api/openapi.json') },
  { route: 'GET /api/layers', expect: all(200), request: get('/api/layers') },
  ...(['shelters', 'fire-stations', 'demand-points', 'townships'] as const).map((l) => ({ route: `GET /api/layers/${l}`, expect: all(200), request: get(`/api/layers/${l}`) })),
  ...(['risk-points', 'hazard-sources', 'warehouses', 'candidate-sites'] as const).map((l) => ({ route: `GET /api/layers/${l}`, expect: signedIn(200), request: get(`/api/layers/${l}`) })),
  { route: 'GET /ogc/collections', expect: all(200), request: get('/ogc/collections') },
  { route: 'GET /ogc/collections/shelters/items', expect: all(200), request: get('/ogc/collections/shelters/items') },
  { route: 'GET /ogc/collections/hazard-sources/items', expect: signedIn(200), request: get('/ogc/collections/hazard-sources/items') },
  { route: 'GET /api/shelters/nearest', expect: all(200), request: get('/api/shelters/nearest?lon=115.79&lat=36.11&k=3') },
  { route: 'GET /api/audit', expect: signedIn(200), request: get('/api/audit?layer=shelters') },
  { route: 'GET /api/users', expect: adminOnly(200), request: get('/api/users') },
  {
    route: 'POST /api/users',
    expect: adminOnly(201),
    request: (who) => ({ method: 'POST', path: '/api/users', body: { username: `made-by-${who}-${++serial}`, password: 'Kestrel-harbour-97', role: 'commander' } }),
  },
  {
    route: 'PATCH /api/users/:userId',
    expect: adminOnly(200),
    request: async (_who, app) => {
      const u = await app.t.db.selectFrom('users').select('id').where('username', '=', 'scoped-planner').executeTakeFirstOrThrow();
      return { method: 'PATCH', path: `/api/users/${u.id}`, body: { townshipCode: app.scopeTownship } };
    },
  },
  {
    route: 'POST /api/layers/shelters (in scope)',
    expect: editors(201),
    request: async (who, app) => {
      const s = await someShelter(app, true);
      return { method: 'POST', path: '/api/layers/shelters', body: newShelter(`ROLE-${who}-${++serial}`, s.lonLat, { townshipCode: app.scopeTownship }) };
    },
  },
  {
    route: 'PATCH /api/layers/shelters/:id (in scope)',
    expect: editors(200),
    request: async (_who, app) => {
      const s = await someShelter(app, true);
      return { method: 'PATCH', path: `/api/layers/shelters/${s.id}`, body: { version: s.version, properties: { capacity: 100 + ++serial } } };
    },
  },
  {
    route: 'PATCH /api/layers/shelters/:id (outside the scope)',
    expect: { ...editors(200), 'scoped-planner': 403 },
    request: async (_who, app) => {
      const s = await someShelter(app, false);
      return { method: 'PATCH', path: `/api/layers/shelters/${s.id}`, body: { version: s.version, properties: { capacity: 100 + ++serial } } };
    },
  },
  {
    route: 'DELETE /api/layers/shelters/:id (in scope)',
    expect: editors(200),
    request: async (_who, app) => {
      const s = await someShelter(app, true);
      return { method: 'DELETE', path: `/api/layers/shelters/${s.id}`, body: { version: s.version } };
    },
  },
  {
    route: 'POST /api/layers/shelters/:id/restore (in scope)',
    expect: editors(200),
    request: async (_who, app) => {
      const row = await app.t.db.selectFrom('shelters').select('id').where('township_code', '=', app.scopeTownship).where('deleted_at', 'is not', null).orderBy('id').executeTakeFirst();
      const id = row?.id ?? (await someShelter(app, true)).id;
      if (!row) await app.t.db.updateTable('shelters').set({ deleted_at: new Date() }).where('id', '=', id).execute();
      return { method: 'POST', path: `/api/layers/shelters/${id}/restore`, body: { version: await liveVersion(app, 'shelters', id) } };
    },
  },
];

async function send(app: TestApp, who: Who, req: Req): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {};
  if (who !== 'public') headers.authorization = `Bearer ${await app.login(who)}`;
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(`${app.url}${req.path}`, { method: req.method, headers, ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}) });
  return { status: r.status, text: await r.text() };
}

/** Property names a public response must never carry, anywhere in it. */
const RESTRICTED = ['contactPhone', 'contactPerson', 'substances', 'quantityT', 'enterprise', 'responsiblePerson', 'responsiblePhone', 'isPublic', 'totalAreaM2'];

describe.each(testBackends())('who may do what on %s', (backend) => {
  let app: TestApp;
  let hiddenShelter: { id: number; code: string };
  beforeAll(async () => {
    app = await startTestApp(backend);
    const s = await someShelter(app, false);
    hiddenShelter = await app.t.db.updateTable('shelters').set({ is_public: false }).where('id', '=', s.id).returning(['id', 'code']).executeTakeFirstOrThrow();
  });
  afterAll(() => app?.close());

  const cases = ROUTES.flatMap((r) => WHO.map((who) => ({ ...r, who, status: r.expect[who] })));
  it.each(cases)('$route as $who → $status', async ({ request, who, status }) => {
    const res = await send(app, who, await request(who, app));
    expect(res.status, res.text.slice(0, 300)).toBe(status);
  });

  it.each(WHO)('GET /api/events as %s → 200 text/event-stream', async (who) => {
    const headers: Record<string, string> = who === 'public' ? {} : { authorization: `Bearer ${await app.login(who)}` };
    const ac = new AbortController();
    const r = await fetch(`${app.url}/api/events`, { headers, signal: ac.signal });
    expect([r.status, r.headers.get('content-type')]).toEqual([200, 'text/event-stream; charset=utf-8']);
    ac.abort();
  });

  const PUBLIC_READS = [
    '/api/layers',
    '/api/layers/shelters',
    '/api/layers/fire-stations',
    '/api/layers/demand-points',
    '/api/layers/townships',
    '/ogc/collections/shelters/items?limit=1000',
    '/ogc/collections/fire-stations/items',
    '/api/shelters/nearest?lon=115.79&lat=36.11&k=50',
  ];
  it.each(PUBLIC_READS)('the public response of %s carries no restricted field and no non-public shelter', async (path) => {
    const res = await send(app, 'public', { method: 'GET', path });
    expect(res.status).toBe(200);
    for (const name of RESTRICTED) expect(res.text, name).not.toMatch(new RegExp(`"${name}"`));
    expect(res.text).not.toContain(`"${hiddenShelter.code}"`);
  });

  it.each(['shelters', 'fire-stations', 'demand-points', 'townships'] as const)('public %s features carry only the public properties', async (layer) => {
    const allowed = new Set([...(LAYERS[layer].publicColumns as string[]).map(toCamel), 'stock']);
    const fc = JSON.parse((await send(app, 'public', { method: 'GET', path: `/api/layers/${layer}` })).text);
    expect(fc.features.length).toBeGreaterThan(0);
    const extra = new Set(fc.features.flatMap((f: { properties: object }) => Object.keys(f.properties)).filter((k: string) => !allowed.has(k)));
    expect([...extra]).toEqual([]);
  });

  it('hides a non-public shelter from the public single-item read but shows it to a commander', async () => {
    expect((await send(app, 'public', { method: 'GET', path: `/ogc/collections/shelters/items/${hiddenShelter.id}` })).status).toBe(404);
    expect((await send(app, 'commander', { method: 'GET', path: `/ogc/collections/shelters/items/${hiddenShelter.id}` })).status).toBe(200);
  });

  it('shows a commander the restricted fields the public may not see', async () => {
    const res = await send(app, 'commander', { method: 'GET', path: '/api/layers/hazard-sources' });
    expect(res.text).toContain('"substances"');
    expect(res.text).toContain('"contactPhone"');
  });
});
