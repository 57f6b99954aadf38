import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './20261128_120000_initial.js';
import * as usersSessionsSoftDelete from './20261201_090000_users_sessions_soft_delete.js';
import * as sitingScenarios from './20261205_100000_siting_scenarios.js';
import * as contextAreas from './20261206_090000_context_areas.js';

/** All migrations, keyed by their timestamped name; bundled so the compiled package needs no file-system scan. */
export const migrations: Record<string, Migration> = {
  '20261128_120000_initial': initial,
  '20261201_090000_users_sessions_soft_delete': usersSessionsSoftDelete,
  '20261205_100000_siting_scenarios': sitingScenarios,
  '20261206_090000_context_areas': contextAreas,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
