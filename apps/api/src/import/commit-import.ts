import { createFeature, writeAudit, type Database, type Kysely, type LayerDescriptor } from '@riskmap/db';
import { HttpError } from '../http/http-error.js';
import type { SessionUser } from '../http/role.js';
import { crossFieldCheck, scopeCheck, toHttpEditError } from '../routes/edit-rules.js';
import type { ValidRow } from './validate-rows.js';

/** What an import wrote: the new feature ids in row order. */
export interface ImportOutcome {
  ids: number[];
}

/**
 * Create every row as a new feature in one transaction (each audited as a create, plus one `import` entry
 * describing the file); any failure rolls all of them back and names the row.
 * @example await commitImport(db, LAYERS.shelters, valid, user, { format: 'csv', crs: 'gcj02', filename: 'x.csv' })
 */
export async function commitImport(db: Kysely<Database>, d: LayerDescriptor, rows: ValidRow[], user: SessionUser, about: Record<string, unknown>): Promise<ImportOutcome> {
  const ctx = { actor: user.username, authorize: scopeCheck(user), check: crossFieldCheck(d) };
  return db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const row of rows) {
      try {
        const outcome = await createFeature(trx, d, { geometry: row.geometry, properties: row.properties }, ctx);
        if (!outcome.ok) throw new Error(`createFeature refused row ${row.row}: ${outcome.reason}`);
        ids.push(outcome.feature.id as number);
      } catch (err) {
        const e = toHttpEditError(err);
        if (!(e instanceof HttpError)) throw e;
        const fields = (e.details as { fields?: { field: string; message: string }[] } | undefined)?.fields ?? [{ field: 'row', message: e.message }];
        throw new HttpError(e.status, 'invalid_rows', `row ${row.row}: ${e.message}; nothing was imported`, {
          errors: fields.map((f) => ({ row: row.row, field: f.field, message: f.message })),
        });
      }
    }
    await writeAudit(trx, { actor: user.username, action: 'import', layer: d.id, featureId: null, before: null, after: { ...about, rows: rows.length, ids } });
    return { ids };
  });
}
