import type { Kysely } from 'kysely';
import { generateSample } from '@riskmap/sample';
import type { Database } from './schema.js';
import { openDatabase, type DatabaseSettings, type OpenOptions, type RiskmapDb } from './connect.js';
import { migrateToLatest } from './migrate.js';
import { databaseInfo } from './queries/database-info.js';
import { loadSample } from './sample/load-sample.js';

export interface PreparedDb extends RiskmapDb {
  postgis: string;
  migrationsApplied: string[];
  sampleLoaded: Record<string, number> | null;
}

/**
 * Open the database, run pending migrations, and load the sample dataset into an empty database.
 * @example const { db, backend } = await prepareDatabase(config.database, { loadSample: true })
 */
export async function prepareDatabase(settings: DatabaseSettings, options: { loadSample: boolean } & OpenOptions): Promise<PreparedDb> {
  const opened = await openDatabase(settings, options);
  try {
    const migrationsApplied = await migrateToLatest(opened.db);
    const info = await databaseInfo(opened.db);
    const sampleLoaded = options.loadSample && info.empty ? await loadSample(opened.db as Kysely<Database>, generateSample()) : null;
    return { ...opened, postgis: info.postgis, migrationsApplied, sampleLoaded };
  } catch (err) {
    await opened.close().catch(() => {});
    throw err;
  }
}
