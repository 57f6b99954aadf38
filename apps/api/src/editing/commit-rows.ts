import type { Geometry } from 'geojson';
import { BatchRowError, createFeatures, updateFeatures, writeAudit, type Database, type Kysely, type LayerDescriptor } from '@riskmap/db';
import type { SessionUser } from '../http/role.js';
import type { EditRefusal } from './edit-refusal.js';
import { editContext, refusalOf } from './edit-rules.js';
import { editTransaction, type EditingDeps, type Refused } from './edit-transaction.js';
import { Rollback } from './rollback.js';

/** A record that passed the editing rules, to create or (with `target`) to update at the version read. */
export interface CommitRow {
  row: number;
  geometry: Geometry;
  properties: Record<string, unknown>;
  target?: { id: number; version: number; changes: { field: string; new: unknown }[]; geometryChanged: boolean };
}

/** Hooks of a long commit: the count of writes, progress per batch and the last moment a cancel may roll it back (each may throw to stop). */
export interface CommitHooks {
  start?(total: number): void;
  progress?(done: number): void;
  commitPoint?(): Promise<void>;
  /** In the same transaction, after the new rows are written: what a layer records beside them (a hazard's 登记 step), by new id and row. */
  created?(trx: Kysely<Database>, made: { id: number; row: CommitRow }[]): Promise<void>;
}

/**
 * What a commit of rows did: the new feature ids in row order and the ids it updated; or the row the database
 * refused; or the row whose record changed since it was read. Either failure wrote nothing.
 */
export type CommitResult =
  | { ok: true; ids: number[]; updated: number[] }
  | { ok: false; reason: 'refused'; row: number; refusal: EditRefusal }
  | { ok: false; reason: 'stale'; row: number; code: string; fileVersion: number; version?: number; why: string };

/**
 * Apply every row in one transaction: new rows created, matched rows updated with their changed fields at the
 * version read, each audited (editContext), plus one `import` audit entry describing the file (`about`); then
 * published. Any refusal rolls all of them back and names the row.
 * @example const result = await commitRows(deps, LAYERS.shelters, valid, user, { format: 'csv', crs: 'gcj02' })
 */
export async function commitRows(deps: EditingDeps, d: LayerDescriptor, rows: CommitRow[], user: SessionUser, about: Record<string, unknown>, hooks: CommitHooks = {}): Promise<CommitResult> {
  const ctx = editContext(d, user);
  const creates = rows.filter((r) => !r.target);
  const updates = rows.filter((r) => r.target && (r.target.changes.length > 0 || r.target.geometryChanged));
  hooks.start?.(creates.length + updates.length);
  const refused = (row: number, err: unknown) => {
    const refusal = refusalOf(err);
    return refusal ? new Rollback<CommitResult>({ ok: false, reason: 'refused', row, refusal }) : err;
  };
  const result = await editTransaction(deps, async (trx): Promise<CommitResult> => {
    // every row passed the same rules in the check before; a refusal here (a constraint) refuses the batch as a whole
    const ids = await createFeatures(trx, d, creates.map((r) => ({ geometry: r.geometry, properties: r.properties })), ctx, (n) => hooks.progress?.(n)).catch((err: unknown) => {
      throw refused(creates[0]?.row ?? 0, err);
    });
    if (hooks.created && ids.length > 0) await hooks.created(trx, ids.map((id, i) => ({ id, row: creates[i]! })));
    const changes = updates.map((row) => {
      const t = row.target!;
      return { id: t.id, version: t.version, ...(t.geometryChanged ? { geometry: row.geometry } : {}), properties: Object.fromEntries(t.changes.map((c) => [c.field, c.new])) };
    });
    const outcome = await updateFeatures(trx, d, changes, ctx, (n) => hooks.progress?.(creates.length + n)).catch((err: unknown) => {
      throw err instanceof BatchRowError ? refused(updates[err.index]!.row, err.cause) : refused(updates[0]?.row ?? 0, err);
    });
    if (!outcome.ok) {
      const row = updates[outcome.index]!;
      throw new Rollback<CommitResult>({ ok: false, reason: 'stale', row: row.row, code: String(row.properties.code), fileVersion: row.target!.version, version: outcome.current?.version, why: outcome.reason });
    }
    await hooks.commitPoint?.();
    const updated = updates.map((r) => r.target!.id);
    await writeAudit(trx, { actor: user.username, action: 'import', layer: d.id, featureId: null, before: null, after: { ...about, rows: rows.length, ids, updated } });
    return { ok: true, ids, updated };
  });
  return isRefused(result) ? { ok: false, reason: 'refused', row: 0, refusal: result.refusal } : result;
}

function isRefused(r: CommitResult | Refused): r is Refused {
  return !r.ok && r.reason === 'refused' && !('row' in r);
}
