import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { LayerDescriptor } from '../layers/descriptors.js';

/**
 * The data revision of a layer: the time of its latest change (the newest updated_at or deleted_at of any
 * row, soft-deleted ones included), or null for a table that never held a row. Every response derived
 * from a layer's data (items timeStamp, ETags) is keyed by this one function.
 * @example (await layerRevision(db, LAYERS.shelters))?.toISOString() // '2026-12-01T08:00:00.000Z'
 */
export async function layerRevision(db: Kysely<Database>, d: LayerDescriptor): Promise<Date | null> {
  let q = db.selectFrom(d.table as 'shelters').select([
    sql<Date | string | null>`max(${sql.ref('updated_at')})`.as('u'),
    sql<Date | string | null>`max(${sql.ref('deleted_at')})`.as('d'),
  ]);
  if (d.where) q = q.where(sql.ref(d.where.column), '=', d.where.value);
  const row = await q.executeTakeFirst();
  const times = [row?.u, row?.d].filter((t) => t !== null && t !== undefined).map((t) => new Date(t as string | Date).getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}
