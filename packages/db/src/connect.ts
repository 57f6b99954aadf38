import { accessSync, constants, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { Kysely, PostgresDialect, sql, type PostgresPool } from 'kysely';
import type { AppConfig } from '@riskmap/config/env';
import type { Database } from './schema.js';
import { DatabaseStartupError, classifyDatabaseError } from './errors.js';
import { boundedPool, type PoolState } from './dialect/bounded-pool.js';
import { serverPool, type DatabaseWarning } from './dialect/server-pool.js';
import { serverListen, type Listen } from './listen.js';

export type Backend = 'embedded' | 'server';

export interface RiskmapDb {
  db: Kysely<Database>;
  backend: Backend;
  /** Close the pool or the embedded database. */
  close(): Promise<void>;
  /** LISTEN to a NOTIFY channel (embedded: forwarded from the database's worker thread; server: one dedicated connection outside the pool, re-subscribing after reconnects). */
  listen: Listen;
  /** Embedded only: the whole data directory as a tarball (test templates, backups). */
  dumpDataDir?: () => Promise<Blob>;
  /** Connections in use and waiting, and the last fault a query met (for /api/health and load shedding). */
  poolState?: PoolState;
}

/** Pool bounds, timeouts and start-up retry (AppConfig.resilience.database); defaults when left out. */
export type DatabaseLimits = AppConfig['resilience']['database'];

/** How to open: the limits, and who hears about faults absorbed and start-up retries (a log). */
export interface OpenOptions {
  limits?: Partial<DatabaseLimits>;
  warn?: DatabaseWarning;
}

const DEFAULT_LIMITS: DatabaseLimits = {
  poolMax: 8,
  maxWaiting: 512,
  waitMs: 5_000,
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 15_000,
  startupRetryMs: 0,
  retryAfterSeconds: 5,
};

/** The configured backend, or an in-memory embedded database (optionally loaded from a dumped data directory). */
export type DatabaseSettings = AppConfig['database'] | { backend: 'embedded'; loadDataDir?: Blob; dataDir?: undefined };

/**
 * Open the configured backend: embedded PGlite + PostGIS in a data directory, or a PostgreSQL server
 * via a URL. The only place in the platform that knows which one it is; both speak through kysely.
 * Ensures the postgis extension exists, and fails with a DatabaseStartupError naming the problem.
 * @example const { db } = await openDatabase({ backend: 'embedded', dataDir: './data/pglite' })
 */
export async function openDatabase(settings: DatabaseSettings, options: OpenOptions = {}): Promise<RiskmapDb> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const warn = options.warn ?? (() => {});
  const opened = settings.backend === 'server' ? await openServer(settings.url, limits, warn, settings.listenUrl) : await openEmbedded(settings, limits);
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS postgis`.execute(opened.db);
  } catch (err) {
    await opened.close().catch(() => {});
    throw new DatabaseStartupError(`the database has no PostGIS extension and it cannot be created: ${(err as Error).message}`);
  }
  return opened;
}

async function openServer(url: string, limits: DatabaseLimits, warn: DatabaseWarning, listenUrl?: string): Promise<RiskmapDb> {
  const { default: pg } = await import('pg');
  const pool = serverPool(pg, url, limits, warn);
  const started = Date.now();
  for (let attempt = 1; ; attempt += 1) {
    try {
      const client = await pool.connect();
      client.release();
      break;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      const retryable = classifyDatabaseError(err) === 'unavailable' && !/^(28|3D)/.test(code);
      const left = limits.startupRetryMs - (Date.now() - started);
      if (!retryable || left <= 0) {
        await pool.end().catch(() => {});
        const waited = attempt > 1 ? ` after ${attempt} attempts in ${Math.round((Date.now() - started) / 1000)} s` : '';
        throw new DatabaseStartupError(`cannot connect to DATABASE_URL (${redact(url)})${waited}: ${(err as Error).message}`);
      }
      const delay = Math.min(left, 250 * 2 ** Math.min(attempt, 4));
      warn(`the database is not reachable yet; retrying in ${(delay / 1000).toFixed(1)} s (giving up in ${Math.ceil(left / 1000)} s, DB_STARTUP_RETRY_SECONDS)`, {
        attempt,
        code: code || null,
        reason: (err as Error).message,
      });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  const bounded = boundedPool(pool as unknown as PostgresPool, limits);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: bounded.pool }) });
  const listen = serverListen(listenUrl ?? url);
  return {
    db,
    backend: 'server',
    listen,
    poolState: bounded.state,
    close: async () => {
      await listen.close();
      await db.destroy();
    },
  };
}

async function openEmbedded(settings: Exclude<DatabaseSettings, { backend: 'server' }>, limits: DatabaseLimits): Promise<RiskmapDb> {
  const [{ startPGliteWorker }, { pglitePool }] = await Promise.all([import('./dialect/pglite-remote.js'), import('./dialect/pglite-pool.js')]);
  const dataDir = settings.dataDir;
  if (dataDir) checkDataDir(dataDir);
  let pg;
  try {
    pg = await startPGliteWorker({
      ...(dataDir ? { dataDir } : {}),
      ...('loadDataDir' in settings && settings.loadDataDir ? { loadDataDir: settings.loadDataDir } : {}),
    });
  } catch (err) {
    throw new DatabaseStartupError(
      `cannot open the embedded database in ${dataDir ?? '(memory)'}: it is not a readable PGlite data directory (${(err as Error).message || String(err)}); move it away or set PGLITE_DATA_DIR to another folder`,
    );
  }
  const bounded = boundedPool(pglitePool(pg), { ...limits, poolMax: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: bounded.pool }) });
  const remote = pg;
  return {
    db,
    backend: 'embedded',
    poolState: bounded.state,
    dumpDataDir: () => remote.dumpDataDir(),
    listen: (channel, onNotify) => remote.listen(channel, onNotify),
    close: async () => {
      // A transaction still running when the shutdown timer is spent is aborted with the worker (PGlite rolls it back on the next open).
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([db.destroy(), new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]);
      clearTimeout(timer);
      await remote.close(5_000);
    },
  };
}

function checkDataDir(dir: string): void {
  try {
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK | constants.R_OK);
  } catch (err) {
    throw new DatabaseStartupError(`the data directory ${dir} is not writable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); set PGLITE_DATA_DIR to a writable folder`);
  }
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new DatabaseStartupError(`the data directory ${dir} is not empty and holds no PGlite database (no PG_VERSION); move it away or set PGLITE_DATA_DIR to another folder`);
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}
