import { BatchRowError, createFeatures, updateFeatures, writeAudit, type Database, type Kysely, type LayerDescriptor } from '@riskmap/db';
import { HttpError } from '../http/http-error.js';
import type { SessionUser } from '../http/role.js';
import { crossFieldCheck, scopeCheck, toHttpEditError } from '../editing/edit-rules.js';
import type { ValidRow } from './validate-rows.js';
import { ImportJobs, type ImportJob } from './import-jobs.js';

/** What an import wrote: the new feature ids in row order, and the ids it updated. */
export interface ImportOutcome {
  ids: number[];
  updated: number[];
}

function rowFailure(row: number, err: unknown): unknown {
  const e = toHttpEditError(err);
  if (!(e instanceof HttpError)) return e;
  const fields = (e.details as { fields?: { field: string; message: string }[] } | undefined)?.fields ?? [{ field: 'row', message: e.message }];
  return new HttpError(e.status, 'invalid_rows', `row ${row}: ${e.message}; nothing was imported`, { errors: fields.map((f) => ({ row, field: f.field, message: f.message })) });
}

/**
 * Apply every row in one transaction: new rows created, matched rows (update-by-code) updated with their changed
 * fields at the version read (a record changed meanwhile refuses the whole import, 409), each audited, plus one
 * `import` entry describing the file; any failure rolls all of them back and names the row. With `job`, progress is
 * counted per batch and a cancel rolls back until the commit point (`jobs.commitPoint`).
 * @example await commitImport(db, LAYERS.shelters, valid, user, { format: 'csv', crs: 'gcj02', filename: 'x.csv' })
 */
export async function commitImport(db: Kysely<Database>, d: LayerDescriptor, rows: ValidRow[], user: SessionUser, about: Record<string, unknown>, job?: ImportJob, jobs?: Pick<ImportJobs, 'commitPoint'>): Promise<ImportOutcome> {
  const ctx = { actor: user.username, authorize: scopeCheck(user), check: crossFieldCheck(d) };
  const creates = rows.filter((r) => !r.target);
  const updates = rows.filter((r) => r.target && (r.target.changes.length > 0 || r.target.geometryChanged));
  if (job) {
    job.phase = 'writing';
    job.total = creates.length + updates.length;
    job.done = 0;
  }
  return db.transaction().execute(async (trx) => {
    let ids: number[];
    try {
      ids = await createFeatures(trx, d, creates.map((r) => ({ geometry: r.geometry, properties: r.properties })), ctx, (n) => {
        if (job) job.done = n;
        ImportJobs.check(job);
      });
    } catch (err) {
      if (err instanceof HttpError && err.code === 'import_cancelled') throw err;
      // every row passed the same rules in the check before; a refusal here (a constraint) refuses the batch as a whole
      throw rowFailure(creates[0]?.row ?? 0, err);
    }
    let outcome: Awaited<ReturnType<typeof updateFeatures>>;
    try {
      outcome = await updateFeatures(
        trx,
        d,
        updates.map((row) => {
          const t = row.target!;
          return { id: t.id, version: t.version, ...(t.geometryChanged ? { geometry: row.geometry } : {}), properties: Object.fromEntries(t.changes.map((c) => [c.field, c.new])) };
        }),
        ctx,
        (n) => {
          if (job) job.done = creates.length + n;
          ImportJobs.check(job);
        },
      );
    } catch (err) {
      if (err instanceof HttpError && err.code === 'import_cancelled') throw err;
      if (err instanceof BatchRowError) throw rowFailure(updates[err.index]!.row, err.cause);
      throw rowFailure(updates[0]?.row ?? 0, err);
    }
    if (!outcome.ok) {
      const row = updates[outcome.index]!;
      const code = String(row.properties.code);
      throw new HttpError(409, 'stale_rows', `row ${row.row}: the record with code "${code}" changed during the import (${outcome.reason}); nothing was imported`, {
        errors: [{ row: row.row, field: 'version', code: 'update.stale', params: { code, fileVersion: row.target!.version, version: outcome.current?.version }, message: `changed since read (${outcome.reason})` }],
      });
    }
    // a cancel after the last batch still rolls back (nothing is committed yet); from here on one is refused
    if (jobs) await jobs.commitPoint(job);
    else ImportJobs.check(job);
    const updated = updates.map((r) => r.target!.id);
    await writeAudit(trx, { actor: user.username, action: 'import', layer: d.id, featureId: null, before: null, after: { ...about, rows: rows.length, ids, updated } });
    return { ids, updated };
  });
}
