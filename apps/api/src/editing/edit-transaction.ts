import type { Database, Kysely } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import type { EditRefusal } from './edit-refusal.js';
import { refusalOf } from './edit-rules.js';
import { Rollback } from './rollback.js';

/** What the editing service needs of the app: the database, the change bus it publishes on, the domain's geometry tolerances. */
export type EditingDeps = Pick<AppDeps, 'db' | 'changes' | 'config'>;

/** A change the rules or the database refused: nothing was written. */
export interface Refused {
  ok: false;
  reason: 'refused';
  refusal: EditRefusal;
}

/**
 * Run one change in a transaction, then publish it: a refusal of the rules or the database (thrown inside) rolls
 * it back and comes back as `Refused`, a `Rollback` as its outcome; other errors are thrown. After a commit this
 * process catches up with the change feed (the trigger recorded the change) before the caller answers; the change
 * is committed, so a database gone away just then delays that and does not fail the change.
 * @example const outcome = await editTransaction(deps, (trx) => createFeature(trx, d, feature, editContext(d, user)))
 */
export async function editTransaction<T>(deps: EditingDeps, run: (trx: Kysely<Database>) => Promise<T>): Promise<T | Refused> {
  let outcome: T;
  try {
    outcome = await deps.db.transaction().execute(run);
  } catch (err) {
    if (err instanceof Rollback) return err.outcome as T;
    const refusal = refusalOf(err);
    if (refusal) return { ok: false, reason: 'refused', refusal };
    throw err;
  }
  await deps.changes.catchUp().catch(() => undefined);
  return outcome;
}
