import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadConfig, ConfigError } from '@riskmap/config/env';
import { prepareDatabase, DatabaseStartupError } from '@riskmap/db';
import { createApp } from './app.js';
import { ChangeBus } from './events/change-bus.js';
import { ensureFirstAdmin } from './auth/bootstrap-admin.js';

const started = Date.now();
try {
  const config = loadConfig();
  const webDist = config.webDist ?? join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');
  const prepared = await prepareDatabase(config.database, { loadSample: config.loadSample });
  if (prepared.sampleLoaded) console.log(`loaded the sample dataset (示例数据): ${JSON.stringify(prepared.sampleLoaded)}`);
  if (await ensureFirstAdmin(prepared.db, config.admin)) console.log(`created the first admin "${config.admin!.username}"`);
  const app = createApp({ db: prepared.db, backend: prepared.backend, postgis: prepared.postgis, config: { ...config, webDist }, changes: new ChangeBus() });
  const server = app.listen(config.port, config.host, () => {
    console.log(`riskmap listening on http://localhost:${config.port} (database: ${prepared.backend}, PostGIS ${prepared.postgis}, ready in ${Date.now() - started} ms)`);
  });
  server.on('error', (err) => {
    console.error(`riskmap cannot listen on ${config.host}:${config.port}: ${err.message}`);
    process.exit(1);
  });
  const shutdown = (signal: string) => {
    console.log(`${signal}: shutting down`);
    server.close(async () => {
      await prepared.close();
      process.exit(0);
    });
    server.closeAllConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (err) {
  if (err instanceof ConfigError || err instanceof DatabaseStartupError) {
    console.error(`riskmap cannot start: ${err.message}`);
  } else {
    console.error('riskmap cannot start:', err);
  }
  process.exit(1);
}
