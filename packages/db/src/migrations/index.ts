import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './20261128_120000_initial.js';
import * as usersSessionsSoftDelete from './20261201_090000_users_sessions_soft_delete.js';
import * as sitingScenarios from './20261205_100000_siting_scenarios.js';
import * as contextAreas from './20261206_090000_context_areas.js';
import * as loginThrottle from './20261212_090000_login_throttle.js';
import * as changeLog from './20261213_090000_change_log.js';
import * as apiKeys from './20261216_090000_api_keys.js';
import * as hiddenHazards from './20261218_090000_hidden_hazards.js';
import * as hiddenHazardChanges from './20261218_100000_hidden_hazard_changes.js';
import * as changeRowsPerStatement from './20261220_090000_change_rows_per_statement.js';
import * as changeRetention from './20261221_090000_change_retention.js';
import * as vocabularyChecks from './20261222_090000_vocabulary_checks.js';
import * as importJobs from './20261223_090000_import_jobs.js';
import * as importCommitPoint from './20261225_090000_import_commit_point.js';

/** All migrations, keyed by their timestamped name; bundled so the compiled package needs no file-system scan. */
export const migrations: Record<string, Migration> = {
  '20261128_120000_initial': initial,
  '20261201_090000_users_sessions_soft_delete': usersSessionsSoftDelete,
  '20261205_100000_siting_scenarios': sitingScenarios,
  '20261206_090000_context_areas': contextAreas,
  '20261212_090000_login_throttle': loginThrottle,
  '20261213_090000_change_log': changeLog,
  '20261216_090000_api_keys': apiKeys,
  '20261218_090000_hidden_hazards': hiddenHazards,
  '20261218_100000_hidden_hazard_changes': hiddenHazardChanges,
  '20261220_090000_change_rows_per_statement': changeRowsPerStatement,
  '20261221_090000_change_retention': changeRetention,
  '20261222_090000_vocabulary_checks': vocabularyChecks,
  '20261223_090000_import_jobs': importJobs,
  '20261225_090000_import_commit_point': importCommitPoint,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
