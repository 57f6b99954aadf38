import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { migrationProvider } from './migrations/index.js';

/**
 * Run every pending migration (kysely Migrator); running it again changes nothing.
 * Throws with the failing migration's name and cause.
 * @example const applied = await migrateToLatest(db) // ['20261128_120000_initial']
 */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  return unwrap(await migrator.migrateToLatest());
}

/** Undo every migration (for tests of the down path). */
export async function migrateDownAll(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { NO_MIGRATIONS } = await import('kysely');
  return unwrap(await migrator.migrateTo(NO_MIGRATIONS));
}

function unwrap({ error, results }: MigrationResultSet): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${(error as Error).message ?? String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
