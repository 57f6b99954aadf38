import { sql, type Kysely } from 'kysely';

/**
 * Import jobs are rows (`import_jobs`), so any API process answers a job's progress and takes its cancel:
 * the client-chosen id (`?job=`), the owner and layer, the phase and rows done of total (written by the working
 * process at a bounded rate, IMPORT_HEARTBEAT_MS), the cancel request (read by the working process at its next
 * batch), a result or error summary, and the working process with its last heartbeat (a silent one for
 * IMPORT_STALE_MS leaves its job marked failed).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('layer', 'text', (c) => c.notNull())
    .addColumn('dry_run', 'boolean', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull().defaultTo('reading').check(sql`phase in ('reading','checking','writing','done','cancelled','failed')`))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancel_requested', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('worker', 'text', (c) => c.notNull())
    .addColumn('result', 'jsonb')
    .addColumn('error', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('heartbeat_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('import_jobs_open').on('import_jobs').columns(['finished_at', 'heartbeat_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_jobs').ifExists().execute();
}
