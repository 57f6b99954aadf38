import type { Geometry } from 'geojson';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { toCamel } from '../layers/case.js';
import type { EditableFeature, EditContext } from './index-types.js';
import { editableFromRow, selectEditable } from './edit-read.js';

/** Rows per batched UPDATE. */
const CHUNK = 500;

const GENERATED = new Set(['id', 'version', 'created_at', 'updated_at']);

/** One update of a batch: the feature, the version it was read at, and the properties (and geometry) it changes. */
export interface FeatureUpdate {
  id: number;
  version: number;
  /** A new geometry (absent or null: unchanged). */
  geometry?: Geometry | null;
  properties: Record<string, unknown>;
}

/** Why a batch stopped at one of its updates (nothing of the batch should be committed then). */
export interface BatchUpdateRefusal {
  ok: false;
  /** Index into the updates given. */
  index: number;
  reason: 'not_found' | 'stale' | 'deleted';
  current?: EditableFeature;
}

/** A rule (`ctx.authorize` / `ctx.check`) refused one update of a batch: which one, and the rule's own error. */
export class BatchRowError extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(`update ${index}: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

async function readMany(trx: Kysely<Database>, d: LayerDescriptor, ids: number[], forUpdate: boolean): Promise<Map<number, EditableFeature>> {
  let q = selectEditable(trx, d).where(sql.ref('id'), 'in', ids);
  if (forUpdate) q = q.orderBy(sql.ref('id')).forUpdate();
  const out = new Map<number, EditableFeature>();
  for (const row of (await q.execute()) as Record<string, unknown>[]) {
    const e = editableFromRow(d, row);
    out.set(Number(e.feature.properties?.id), e);
  }
  return out;
}

/** The batch as one JSON parameter: per update the plain column values `p`, secondary geometries `g` (GeoJSON text), the geometry. */
function payload(d: LayerDescriptor, chunk: readonly FeatureUpdate[]): { json: string; columns: string[]; geometryColumns: string[]; geometry: boolean } {
  const plain = d.columns.filter((c) => !GENERATED.has(c) && !d.geometryColumns.includes(c) && c !== d.where?.column);
  const columns = new Set<string>();
  const geometryColumns = new Set<string>();
  let geometry = false;
  const items = chunk.map((u) => {
    const p: Record<string, unknown> = {};
    const g: Record<string, string | null> = {};
    for (const c of plain) {
      const v = u.properties[toCamel(c)];
      if (v === undefined) continue;
      p[c] = v;
      columns.add(c);
    }
    for (const c of d.geometryColumns) {
      const v = u.properties[toCamel(c)] as Geometry | [number, number] | null | undefined;
      if (v === undefined) continue;
      g[c] = v === null ? null : JSON.stringify(Array.isArray(v) ? { type: 'Point', coordinates: v } : v);
      geometryColumns.add(c);
    }
    if (u.geometry) geometry = true;
    return { id: u.id, version: u.version, p, g, geom: u.geometry ? JSON.stringify(u.geometry) : null };
  });
  return { json: JSON.stringify(items), columns: [...columns], geometryColumns: [...geometryColumns], geometry };
}

/** `UPDATE t SET … FROM (the batch) v WHERE t.id = v.id AND t.version = v.version AND live`: the ids it changed. */
async function applyChunk(trx: Kysely<Database>, d: LayerDescriptor, chunk: readonly FeatureUpdate[]): Promise<Set<number>> {
  const { json, columns, geometryColumns, geometry } = payload(d, chunk);
  const own = (c: string) => sql.ref(`${d.table}.${c}`);
  const set: Record<string, unknown> = { version: sql`${own('version')} + 1`, updated_at: sql`now()` };
  // Each row sets only the columns it carries; jsonb_populate_record gives every value the column's own type.
  for (const c of columns) set[c] = sql`case when v.p ? ${c} then (v.r).${sql.ref(c)} else ${own(c)} end`;
  for (const c of geometryColumns) set[c] = sql`case when v.g ? ${c} then ST_SetSRID(ST_GeomFromGeoJSON(v.g ->> ${c}), 4326) else ${own(c)} end`;
  if (geometry) {
    const g = sql`ST_SetSRID(ST_GeomFromGeoJSON(v.geom), 4326)`;
    set.geom = sql`case when v.geom is not null then ${d.geometryType === 'MultiPolygon' ? sql`ST_Multi(${g})` : g} else ${own('geom')} end`;
  }
  const batch = sql`(
    select (e ->> 'id')::integer as id, (e ->> 'version')::integer as version, e -> 'p' as p, e -> 'g' as g, e ->> 'geom' as geom,
      jsonb_populate_record(null::${sql.table(d.table)}, e -> 'p') as r
    from jsonb_array_elements(${json}::jsonb) as e)`;
  let q = trx
    .updateTable(d.table)
    .from(batch.as('v') as never)
    .set(set as never)
    .whereRef(own('id') as never, '=', sql.ref('v.id') as never)
    .whereRef(own('version') as never, '=', sql.ref('v.version') as never)
    .where(own('deleted_at') as never, 'is', null);
  if (d.where) q = q.where(own(d.where.column) as never, '=', d.where.value as never);
  const rows = (await q.returning(own('id').as('id') as never).execute()) as { id: number }[];
  return new Set(rows.map((r) => Number(r.id)));
}

/** Run a rule on one update's record; its error is rethrown naming the update. */
function rule(fn: ((f: EditableFeature) => void) | undefined, f: EditableFeature, index: number): void {
  try {
    fn?.(f);
  } catch (err) {
    throw new BatchRowError(index, err);
  }
}

/**
 * Update many features inside the caller's transaction, 500 per UPDATE … FROM (the batch), each at the version it was
 * read at (then version + 1), with what `updateFeature` writes one by one: the rules of the context before and
 * after (a refusal throws `BatchRowError` naming the update), one `update` audit entry per feature with the stored
 * record before and after, the shelter status history when the status changed, and the change actor. A missing,
 * deleted or changed feature stops the batch with a refusal naming it (roll the transaction back then).
 * `onChunk` reports progress (it may throw to cancel).
 * @example const r = await updateFeatures(trx, LAYERS.shelters, [{ id: 3, version: 1, properties: { capacity: 900 } }], { actor: 'li' })
 */
export async function updateFeatures(
  trx: Kysely<Database>,
  d: LayerDescriptor,
  updates: readonly FeatureUpdate[],
  ctx: EditContext,
  onChunk?: (done: number) => void | Promise<void>,
): Promise<{ ok: true; versions: number[] } | BatchUpdateRefusal> {
  const versions: number[] = [];
  if (updates.length) await sql`select set_config('riskmap.actor', ${ctx.actor}, true)`.execute(trx);
  for (let start = 0; start < updates.length; start += CHUNK) {
    const chunk = updates.slice(start, start + CHUNK);
    const ids = chunk.map((u) => u.id);
    const before = await readMany(trx, d, ids, true);
    for (const [k, u] of chunk.entries()) {
      const current = before.get(u.id);
      if (!current) return { ok: false, index: start + k, reason: 'not_found' };
      rule(ctx.authorize, current, start + k);
      if (current.deletedAt) return { ok: false, index: start + k, reason: 'deleted', current };
      if (current.version !== u.version) return { ok: false, index: start + k, reason: 'stale', current };
    }
    const changed = await applyChunk(trx, d, chunk);
    const missed = chunk.findIndex((u) => !changed.has(u.id));
    if (missed >= 0) return { ok: false, index: start + missed, reason: 'stale', current: (await readMany(trx, d, [chunk[missed]!.id], false)).get(chunk[missed]!.id) };
    const after = await readMany(trx, d, ids, false);
    const record = (e: EditableFeature) => JSON.stringify({ ...e.feature, deletedAt: e.deletedAt });
    const audit = chunk.map((u, k) => {
      const a = after.get(u.id)!;
      rule(ctx.authorize, a, start + k);
      rule(ctx.check, a, start + k);
      versions.push(a.version);
      return { actor: ctx.actor, action: 'update' as const, layer: d.id, feature_id: u.id, before: record(before.get(u.id)!), after: record(a) };
    });
    await trx.insertInto('audit_log').values(audit).execute();
    if (d.table === 'shelters') {
      const history = chunk
        .map((u) => ({ id: u.id, status: after.get(u.id)!.feature.properties?.status, was: before.get(u.id)!.feature.properties?.status }))
        .filter((h): h is { id: number; status: string; was: unknown } => typeof h.status === 'string' && h.status !== h.was)
        .map((h) => ({ shelter_id: h.id, status: h.status, changed_by: ctx.actor, note: 'update' }));
      if (history.length) await trx.insertInto('shelter_status_history').values(history).execute();
    }
    await onChunk?.(start + chunk.length);
  }
  return { ok: true, versions };
}
