import { sql, type Kysely } from 'kysely';

/**
 * An import job gains the phase `committing`: the process doing the import enters it, in one row update that
 * only succeeds while no cancel was asked, once every batch is written and just before COMMIT. From then on a
 * cancel is refused (409 import_committing) instead of being accepted and then not honoured, so an accepted
 * cancel (202) always means nothing is written.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table import_jobs drop constraint if exists import_jobs_phase_check`.execute(db);
  await sql`alter table import_jobs add constraint import_jobs_phase_check check (phase in ('reading','checking','writing','committing','done','cancelled','failed'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update import_jobs set phase = 'writing' where phase = 'committing'`.execute(db);
  await sql`alter table import_jobs drop constraint if exists import_jobs_phase_check`.execute(db);
  await sql`alter table import_jobs add constraint import_jobs_phase_check check (phase in ('reading','checking','writing','done','cancelled','failed'))`.execute(db);
}
