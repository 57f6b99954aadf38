import type { AddressInfo } from 'node:net';
import { loadConfig } from '@riskmap/config/env';
import { openTestDatabase, type TestDatabase } from '@riskmap/db/testing';
import type { Backend } from '@riskmap/db';
import { createApp } from '../src/app.js';
import { ChangeBus } from '../src/events/change-bus.js';

export interface TestApp {
  url: string;
  t: TestDatabase;
  changes: ChangeBus;
  close(): Promise<void>;
}

/**
 * The real app on a real HTTP port (127.0.0.1, random), over a private copy of the sample database.
 * @example const app = await startTestApp('embedded'); await fetch(`${app.url}/api/health`)
 */
export async function startTestApp(backend: Backend, kind: 'sample' | 'empty' = 'sample', env: Record<string, string> = {}): Promise<TestApp> {
  const t = await openTestDatabase(backend, kind);
  const config = loadConfig({ NODE_ENV: 'test', LOAD_SAMPLE: 'false', ...env });
  const changes = new ChangeBus();
  const app = createApp({ db: t.db, backend: t.backend, postgis: '3', config, changes });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    t,
    changes,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}
