import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** How much of the change table to keep: changes younger than `keepDays`, and at least the last `keepRows`. */
export interface ChangeRetention {
  keepDays: number;
  keepRows: number;
}

export interface PruneResult {
  /** False when another process was pruning at the same moment (it does the work; nothing was deleted here). */
  ran: boolean;
  deleted: number;
  /** The highest change id / public position pruned so far (streams resuming below them get `reset`). */
  prunedThrough: number;
  publicPrunedThrough: number;
}

/** The advisory lock key that lets one process at a time prune ('rmpr'). */
export const CHANGE_PRUNE_LOCK = 0x726d7072;

/**
 * Delete changes older than `keepDays` that are not among the last `keepRows`, except each layer's latest
 * change and the latest public change (they carry the layer revisions and the public position every process
 * starts from). Idempotent and safe to run from every process: one at a time takes a transaction-scoped
 * advisory lock, the others return `ran: false`. Records how far it pruned in `change_retention`.
 * @example await pruneChanges(db, { keepDays: 30, keepRows: 100_000 })
 */
export async function pruneChanges(db: Kysely<Database>, retention: ChangeRetention): Promise<PruneResult> {
  return db.transaction().execute(async (trx) => {
    const lock = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${CHANGE_PRUNE_LOCK}) as locked`.execute(trx);
    if (!lock.rows[0]?.locked) return { ran: false, deleted: 0, ...(await changeHorizon(trx)) };
    // The newest change beyond the last `keepRows` (nothing to prune while there are fewer).
    const boundary = await trx.selectFrom('changes').select('id').orderBy('id', 'desc').offset(Math.max(0, Math.floor(retention.keepRows))).limit(1).executeTakeFirst();
    let deleted = 0;
    if (boundary) {
      const gone = await trx
        .deleteFrom('changes')
        .where('id', '<=', boundary.id)
        .where(sql<boolean>`${sql.ref('at')} < now() - make_interval(secs => ${retention.keepDays * 86_400})`)
        .where('id', 'not in', (eb) => eb.selectFrom('changes as latest').select((e) => e.fn.max('latest.id').as('id')).groupBy('latest.layer'))
        .where('id', 'not in', (eb) => eb.selectFrom('changes as pub').select((e) => e.fn.max('pub.id').as('id')).where('pub.public_seq', 'is not', null))
        .returning(['id', 'public_seq'])
        .execute();
      deleted = gone.length;
      if (deleted > 0) {
        const through = gone.reduce((m, r) => Math.max(m, r.id), 0);
        const publicThrough = gone.reduce((m, r) => Math.max(m, r.public_seq ?? 0), 0);
        await trx
          .updateTable('change_retention')
          .set((eb) => ({
            pruned_through: sql<number>`greatest(${eb.ref('pruned_through')}, ${through})`,
            public_pruned_through: sql<number>`greatest(${eb.ref('public_pruned_through')}, ${publicThrough})`,
            pruned_rows: sql<number>`${eb.ref('pruned_rows')} + ${deleted}`,
            pruned_at: sql<Date>`now()`,
          }))
          .where('id', '=', 1)
          .execute();
      }
    }
    return { ran: true, deleted, ...(await changeHorizon(trx)) };
  });
}

/** How far the change table has been pruned: the highest change id and public position deleted (0 when none). */
export async function changeHorizon(db: Kysely<Database>): Promise<{ prunedThrough: number; publicPrunedThrough: number }> {
  const row = await db.selectFrom('change_retention').select(['pruned_through', 'public_pruned_through']).where('id', '=', 1).executeTakeFirst();
  return { prunedThrough: Number(row?.pruned_through ?? 0), publicPrunedThrough: Number(row?.public_pruned_through ?? 0) };
}
