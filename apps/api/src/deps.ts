import type { AppConfig } from '@riskmap/config/env';
import type { Backend, Database, Kysely, Listen, PoolState } from '@riskmap/db';
import type { ChangeBus } from './events/change-bus.js';

/** What the app needs from the outside: built once at start-up, passed to every router. */
export interface AppDeps {
  db: Kysely<Database>;
  backend: Backend;
  postgis: string;
  config: Readonly<AppConfig>;
  /** This process's view of the database's change table (revisions, events). */
  changes: ChangeBus;
  /** The data revision that keys result caches: moves whenever any data changes (default: the change bus's sequence). */
  revision?: () => number;
  /** The database pool's connections in use/waiting and last fault (from openDatabase), when known. */
  poolState?: PoolState;
  /** LISTEN on the database (siting run wake-ups and cancels); polling alone without it. */
  listen?: Listen;
  /** The clock for dates such as 逾期 (overdue); tests inject one. Defaults to the system clock. */
  clock?: () => Date;
}
