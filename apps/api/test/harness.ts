import type { AddressInfo } from 'node:net';
import { loadConfig } from '@riskmap/config/env';
import { openTestDatabase, type TestDatabase } from '@riskmap/db/testing';
import type { Backend } from '@riskmap/db';
import { createApp } from '../src/app.js';
import { ChangeBus } from '../src/events/change-bus.js';
import type { SitingJobs } from '../src/siting/siting-jobs.js';
import type { ImportJobs } from '../src/import/import-jobs.js';
import type { AnalyticsOffload } from '../src/services/analytics-offload.js';
import { ensureFirstAdmin } from '../src/auth/bootstrap-admin.js';
import { hashPassword } from '../src/auth/password.js';
import { createUser, type Database, type Kysely } from '@riskmap/db';

/** Signed-in test users: one per role, plus a planner scoped to the first township. */
export type TestRole = 'commander' | 'planner' | 'admin' | 'scoped-planner';
export const TEST_PASSWORD = 'test-password-秘密';

export interface TestApp {
  url: string;
  t: TestDatabase;
  changes: ChangeBus;
  /** The township code the 'scoped-planner' test user is restricted to (null on an empty database). */
  scopeTownship: string | null;
  /** Sign in as a test role and return the bearer token. */
  login(role: TestRole): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real app on a real HTTP port (127.0.0.1, random), over a private copy of the sample database.
 * @example const app = await startTestApp('embedded'); await fetch(`${app.url}/api/health`)
 */
export async function startTestApp(backend: Backend, kind: 'sample' | 'empty' = 'sample', env: Record<string, string> = {}, extra: { clock?: () => Date } = {}): Promise<TestApp> {
  const t = await openTestDatabase(backend, kind);
  const config = loadConfig({ NODE_ENV: 'test', LOAD_SAMPLE: 'false', ...env });
  const changes = await ChangeBus.start(t.db, t.listen, { pollMs: 1_000 });
  const app = createApp({ db: t.db, backend: t.backend, postgis: '3', config, changes, listen: t.listen, ...extra });
  await ensureFirstAdmin(t.db, config.admin);
  const scopeTownship = await seedTestUsers(t.db);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    t,
    changes,
    scopeTownship,
    login: async (role) => {
      const username = role === 'admin' ? config.admin!.username : role;
      const password = role === 'admin' ? config.admin!.password : TEST_PASSWORD;
      const r = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      if (!r.ok) throw new Error(`login as ${role} failed: ${r.status} ${await r.text()}`);
      return ((await r.json()) as { token: string }).token;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await (app.locals.sitingJobs as SitingJobs).close();
      await (app.locals.importJobs as ImportJobs | undefined)?.close();
      await (app.locals.analytics as AnalyticsOffload).close();
      await changes.close();
      await t.close();
    },
  };
}

/** Users 'commander', 'planner' and 'scoped-planner' (scoped to the first township) with TEST_PASSWORD; returns the scope. */
async function seedTestUsers(db: Kysely<Database>): Promise<string | null> {
  const first = await db.selectFrom('admin_areas').select('code').where('level', '=', 'township').orderBy('code').executeTakeFirst();
  await createUser(db, { username: 'commander', passwordHash: await hashPassword(TEST_PASSWORD), role: 'commander' });
  await createUser(db, { username: 'planner', passwordHash: await hashPassword(TEST_PASSWORD), role: 'planner' });
  await createUser(db, { username: 'scoped-planner', passwordHash: await hashPassword(TEST_PASSWORD), role: 'planner', townshipCode: first?.code ?? null });
  return first?.code ?? null;
}
