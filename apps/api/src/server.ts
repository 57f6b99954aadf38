import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadConfig, ConfigError } from '@riskmap/config/env';
import { prepareDatabase, DatabaseStartupError } from '@riskmap/db';
import { createApp } from './app.js';
import { ChangeBus } from './events/change-bus.js';
import { startChangePruner } from './events/change-pruner.js';
import type { SitingJobs } from './siting/siting-jobs.js';
import type { ImportJobs } from './import/import-jobs.js';
import type { AnalyticsOffload } from './services/analytics-offload.js';
import { ensureFirstAdmin } from './auth/bootstrap-admin.js';
import { createLogger } from './http/logger.js';
import { gracefulShutdown, type InFlight } from './http/shutdown.js';

const started = Date.now();
try {
  const config = loadConfig();
  const log = createLogger(config.http.logLevel);
  const webDist = config.webDist ?? join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');
  const prepared = await prepareDatabase(config.database, {
    loadSample: config.loadSample,
    limits: config.resilience.database,
    warn: (message, detail) => log.warn(detail, message),
  });
  // A fault in background work (a cache refresh, a job) is logged; the process keeps answering.
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection (kept running)'));
  if (prepared.sampleLoaded) log.info({ sample: prepared.sampleLoaded }, 'loaded the sample dataset (示例数据)');
  const bootstrap = await ensureFirstAdmin(prepared.db, config.admin);
  if (bootstrap === 'created') log.info({ username: config.admin!.username }, 'created the first admin');
  if (bootstrap === 'rotated') log.warn({ username: config.admin!.username }, 'set the admin password from ADMIN_PASSWORD (its other sessions were ended)');
  const changes = await ChangeBus.start(prepared.db, prepared.listen, { pollMs: config.cluster.changesPollMs, onError: (err) => log.warn({ err: err.message }, 'cannot read the change table; retrying') });
  const stopPruner = startChangePruner(prepared.db, {
    ...config.cluster.changeRetention,
    onPruned: (r) => log.info({ deleted: r.deleted, prunedThrough: r.prunedThrough }, 'pruned the change table (CHANGES_KEEP_DAYS, CHANGES_KEEP_ROWS)'),
    onError: (err) => log.warn({ err: err.message }, 'cannot prune the change table; will try again'),
  });
  const app = createApp({ db: prepared.db, backend: prepared.backend, postgis: prepared.postgis, config: { ...config, webDist }, changes, listen: prepared.listen, poolState: prepared.poolState });
  const server = app.listen(config.port, config.host, () => {
    log.info({ port: config.port, database: prepared.backend, postgis: prepared.postgis, readyMs: Date.now() - started }, `riskmap listening on http://localhost:${config.port}`);
  });
  server.on('error', (err) => {
    console.error(`riskmap cannot listen on ${config.host}:${config.port}: ${err.message}`);
    process.exit(1);
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight, then closing the database');
    setTimeout(() => process.exit(1), 15_000).unref();
    gracefulShutdown(server, app.locals.inFlight as InFlight, async () => {
      await (app.locals.sitingJobs as SitingJobs | undefined)?.close();
      await (app.locals.importJobs as ImportJobs | undefined)?.close();
      await (app.locals.analytics as AnalyticsOffload | undefined)?.close();
      await stopPruner();
      await changes.close();
      await prepared.close();
    }, 10_000).then(
      ({ timedOut }) => {
        log.info({ timedOut }, 'stopped');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
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
