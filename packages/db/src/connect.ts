import { accessSync, constants, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { AppConfig } from '@riskmap/config/env';
import type { Database } from './schema.js';
import { DatabaseStartupError } from './errors.js';
import { TYPE_PARSERS } from './dialect/parsers.js';

export type Backend = 'embedded' | 'server';

export interface RiskmapDb {
  db: Kysely<Database>;
  backend: Backend;
  /** Close the pool or the embedded database. */
  close(): Promise<void>;
  /** Embedded only: the whole data directory as a tarball (test templates, backups). */
  dumpDataDir?: () => Promise<Blob>;
}

/** The configured backend, or an in-memory embedded database (optionally loaded from a dumped data directory). */
export type DatabaseSettings = AppConfig['database'] | { backend: 'embedded'; loadDataDir?: Blob; dataDir?: undefined };

/**
 * Open the configured backend: embedded PGlite + PostGIS in a data directory, or a PostgreSQL server
 * via a URL. The only place in the platform that knows which one it is; both speak through kysely.
 * Ensures the postgis extension exists, and fails with a DatabaseStartupError naming the problem.
 * @example const { db } = await openDatabase({ backend: 'embedded', dataDir: './data/pglite' })
 */
export async function openDatabase(settings: DatabaseSettings): Promise<RiskmapDb> {
  const opened = settings.backend === 'server' ? await openServer(settings.url) : await openEmbedded(settings);
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS postgis`.execute(opened.db);
  } catch (err) {
    await opened.close().catch(() => {});
    throw new DatabaseStartupError(`the database has no PostGIS extension and it cannot be created: ${(err as Error).message}`);
  }
  return opened;
}

async function openServer(url: string): Promise<RiskmapDb> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    types: { getTypeParser: ((oid: number, format?: string) => TYPE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as never },
  });
  pool.on('error', () => {}); // idle-client errors surface on the next query instead of crashing
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseStartupError(`cannot connect to DATABASE_URL (${redact(url)}): ${(err as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, backend: 'server', close: () => db.destroy() };
}

async function openEmbedded(settings: Exclude<DatabaseSettings, { backend: 'server' }>): Promise<RiskmapDb> {
  const [{ PGlite }, { postgis }, { pglitePool }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-postgis'),
    import('./dialect/pglite-pool.js'),
  ]);
  const dataDir = settings.dataDir;
  if (dataDir) checkDataDir(dataDir);
  let pg;
  try {
    pg = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...('loadDataDir' in settings && settings.loadDataDir ? { loadDataDir: settings.loadDataDir } : {}),
      extensions: { postgis },
      parsers: TYPE_PARSERS,
    });
    await pg.query('select 1');
  } catch (err) {
    throw new DatabaseStartupError(
      `cannot open the embedded database in ${dataDir ?? '(memory)'}: it is not a readable PGlite data directory (${(err as Error).message || String(err)}); move it away or set PGLITE_DATA_DIR to another folder`,
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pg) }) });
  return {
    db,
    backend: 'embedded',
    dumpDataDir: async () => (await pg.dumpDataDir('none')) as Blob,
    close: async () => {
      await db.destroy();
      if (!pg.closed) await pg.close();
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
