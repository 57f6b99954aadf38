import type { Feature, Geometry } from 'geojson';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { rowFromFeature } from '../layers/feature-row.js';
import { writeAudit } from './audit-log.js';
import { readFeatureForEdit, type EditableFeature } from './edit-read.js';

export type EditAction = 'create' | 'update' | 'delete' | 'restore';

/** The result of an edit: the feature after it, or why nothing changed (with the current record). */
export type EditOutcome =
  | { ok: true; action: EditAction; feature: Feature; version: number }
  | { ok: false; reason: 'not_found' | 'stale' | 'deleted' | 'not_deleted'; current?: EditableFeature };

export interface EditContext {
  /** Username recorded in the audit log and the shelter status history. */
  actor: string;
  /** Called with the current record before a change (throw to refuse, e.g. outside a township scope). */
  authorize?: (current: EditableFeature) => void;
  /** Called with the record a create or update would commit (throw to refuse, e.g. a cross-field rule). */
  check?: (after: EditableFeature) => void;
}

type Patch = { geometry?: Geometry | null; properties?: Record<string, unknown> };

/**
 * Insert a feature, audit it and (for a shelter) record its first status; run it inside a transaction.
 * @example await db.transaction().execute((trx) => createFeature(trx, LAYERS.shelters, feature, { actor: 'li' }))
 */
export async function createFeature(trx: Kysely<Database>, d: LayerDescriptor, feature: Patch, ctx: EditContext): Promise<EditOutcome> {
  const row = rowFromFeature(d, { type: 'Feature', geometry: feature.geometry ?? null, properties: feature.properties ?? {} });
  await setChangeActor(trx, ctx.actor);
  const inserted = (await trx.insertInto(d.table).values(row as never).returning(sql<number>`id`.as('id')).executeTakeFirstOrThrow()) as { id: number };
  return finish(trx, d, inserted.id, 'create', null, ctx);
}

/**
 * Update the changed properties/geometry of a feature when `version` is still current (then version + 1).
 * @example await updateFeature(trx, LAYERS.shelters, 3, 1, { properties: { status: 'open' } }, { actor: 'li' })
 */
export async function updateFeature(trx: Kysely<Database>, d: LayerDescriptor, id: number, version: number, patch: Patch, ctx: EditContext): Promise<EditOutcome> {
  const check = await precheck(trx, d, id, version, ctx, 'live');
  if (!check.ok) return check;
  const row = rowFromFeature(d, { type: 'Feature', geometry: patch.geometry ?? null, properties: patch.properties ?? {} });
  const changed = await bump(trx, d, id, version, row, 'live');
  if (!changed) return { ok: false, reason: 'stale', current: await readFeatureForEdit(trx, d, id) };
  return finish(trx, d, id, 'update', check.current, ctx);
}

/**
 * Soft-delete a feature (sets deleted_at, version + 1) when `version` is still current.
 * @example await deleteFeature(trx, LAYERS.shelters, 3, 2, { actor: 'li' })
 */
export async function deleteFeature(trx: Kysely<Database>, d: LayerDescriptor, id: number, version: number, ctx: EditContext): Promise<EditOutcome> {
  const check = await precheck(trx, d, id, version, ctx, 'live');
  if (!check.ok) return check;
  const changed = await bump(trx, d, id, version, { deleted_at: sql`now()` }, 'live');
  if (!changed) return { ok: false, reason: 'stale', current: await readFeatureForEdit(trx, d, id) };
  return finish(trx, d, id, 'delete', check.current, ctx);
}

/**
 * Bring back a soft-deleted feature (clears deleted_at, version + 1); `version` is optional here.
 * @example await restoreFeature(trx, LAYERS.shelters, 3, undefined, { actor: 'li' })
 */
export async function restoreFeature(trx: Kysely<Database>, d: LayerDescriptor, id: number, version: number | undefined, ctx: EditContext): Promise<EditOutcome> {
  const check = await precheck(trx, d, id, version, ctx, 'deleted');
  if (!check.ok) return check;
  const changed = await bump(trx, d, id, check.current.version, { deleted_at: null }, 'deleted');
  if (!changed) return { ok: false, reason: 'stale', current: await readFeatureForEdit(trx, d, id) };
  return finish(trx, d, id, 'restore', check.current, ctx);
}

async function precheck(
  trx: Kysely<Database>,
  d: LayerDescriptor,
  id: number,
  version: number | undefined,
  ctx: EditContext,
  want: 'live' | 'deleted',
): Promise<{ ok: true; current: EditableFeature } | { ok: false; reason: 'not_found' | 'stale' | 'deleted' | 'not_deleted'; current?: EditableFeature }> {
  const current = await readFeatureForEdit(trx, d, id, { forUpdate: true });
  if (!current) return { ok: false, reason: 'not_found' };
  await setChangeActor(trx, ctx.actor);
  ctx.authorize?.(current);
  if (want === 'live' && current.deletedAt) return { ok: false, reason: 'deleted', current };
  if (want === 'deleted' && !current.deletedAt) return { ok: false, reason: 'not_deleted', current };
  if (version !== undefined && current.version !== version) return { ok: false, reason: 'stale', current };
  return { ok: true, current };
}

/** `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`; false when no row matched. */
async function bump(trx: Kysely<Database>, d: LayerDescriptor, id: number, version: number, set: Record<string, unknown>, want: 'live' | 'deleted'): Promise<boolean> {
  let q = trx
    .updateTable(d.table)
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` } as never)
    .where(sql.ref('id'), '=', id)
    .where(sql.ref('version'), '=', version)
    .where(sql.ref('deleted_at'), want === 'live' ? 'is' : 'is not', null);
  if (d.where) q = q.where(sql.ref(d.where.column), '=', d.where.value);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function finish(trx: Kysely<Database>, d: LayerDescriptor, id: number, action: EditAction, before: EditableFeature | null, ctx: EditContext): Promise<EditOutcome> {
  const after = (await readFeatureForEdit(trx, d, id))!;
  if (action === 'create' || action === 'update') {
    ctx.authorize?.(after);
    ctx.check?.(after);
  }
  const record = (e: EditableFeature | null) => (e ? { ...e.feature, deletedAt: e.deletedAt } : null);
  await writeAudit(trx, { actor: ctx.actor, action, layer: d.id, featureId: id, before: record(before), after: record(after) });
  const status = after.feature.properties?.status;
  if (d.table === 'shelters' && typeof status === 'string' && status !== before?.feature.properties?.status) {
    await trx.insertInto('shelter_status_history').values({ shelter_id: id, status, changed_by: ctx.actor, note: action }).execute();
  }
  return { ok: true, action, feature: after.feature, version: after.version };
}

/** Name the user for the change trigger (the `changes.actor` column) for the rest of this transaction. */
async function setChangeActor(trx: Kysely<Database>, actor: string): Promise<void> {
  await sql`select set_config('riskmap.actor', ${actor}, true)`.execute(trx);
}
