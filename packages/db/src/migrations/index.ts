import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './20261128_120000_initial.js';

/** All migrations, keyed by their timestamped name; bundled so the compiled package needs no file-system scan. */
export const migrations: Record<string, Migration> = {
  '20261128_120000_initial': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
