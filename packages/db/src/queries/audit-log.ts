import type { Kysely } from 'kysely';
import type { AuditEntry, Database, NewAuditEntry } from '../schema.js';

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  action: AuditEntry['action'];
  layer: string;
  featureId: number | null;
  before: unknown;
  after: unknown;
}

/**
 * Append one audit entry (call it with the transaction that makes the change).
 * @example await writeAudit(trx, { actor: 'li', action: 'update', layer: 'shelters', featureId: 3, before, after })
 */
export async function writeAudit(
  trx: Kysely<Database>,
  entry: { actor: string; action: NewAuditEntry['action']; layer: string; featureId: number | null; before: unknown; after: unknown },
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor: entry.actor,
      action: entry.action,
      layer: entry.layer,
      feature_id: entry.featureId,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
    })
    .execute();
}

/**
 * Audit history, newest first, optionally for one layer and one feature.
 * @example await listAudit(db, { layer: 'shelters', featureId: 3 })
 */
export async function listAudit(db: Kysely<Database>, filter: { layer?: string; featureId?: number; limit?: number } = {}): Promise<AuditRecord[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit ?? 500);
  if (filter.layer !== undefined) q = q.where('layer', '=', filter.layer);
  if (filter.featureId !== undefined) q = q.where('feature_id', '=', filter.featureId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at as unknown as string).toISOString(),
    actor: r.actor,
    action: r.action,
    layer: r.layer,
    featureId: r.feature_id,
    before: r.before,
    after: r.after,
  }));
}
