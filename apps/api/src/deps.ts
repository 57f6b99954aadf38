import type { AppConfig } from '@riskmap/config/env';
import type { Backend, Database, Kysely } from '@riskmap/db';
import type { ChangeBus } from './events/change-bus.js';

/** What the app needs from the outside: built once at start-up, passed to every router. */
export interface AppDeps {
  db: Kysely<Database>;
  backend: Backend;
  postgis: string;
  config: Readonly<AppConfig>;
  changes: ChangeBus;
}
