import type { Feature, Geometry } from 'geojson';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { asGeoJSON } from '../postgis.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { featureFromRow, rowFromFeature } from '../layers/feature-row.js';
import type { EditableFeature, EditContext } from './index-types.js';
import { nextTurn } from '../next-turn.js';

/** Rows per multi-row INSERT (PostgreSQL allows 65,535 bind parameters per statement). */
const CHUNK = 500;
/** Stored rows turned into audit entries between two turns of the event loop (so other requests are answered meanwhile). */
const SLICE = 100;

/** The stored record of each returned row, as `readFeatureForEdit` reads it (every column, geometries as GeoJSON). */
function storedColumns(d: LayerDescriptor) {
  return [
    ...d.columns.filter((c) => !d.geometryColumns.includes(c)).map((c) => sql.ref(c).as(c)),
    ...d.geometryColumns.map((c) => asGeoJSON(c).as(c)),
    asGeoJSON('geom').as('geometry'),
  ];
}

function editable(d: LayerDescriptor, row: Record<string, unknown>): EditableFeature {
  const feature = featureFromRow(d, row);
  const props = feature.properties ?? {};
  const townshipCode = (d.id === 'townships' ? props.code : props.townshipCode) as string | null | undefined;
  return { feature, version: Number(props.version), deletedAt: null, townshipCode: townshipCode ?? null };
}

/**
 * Insert many features in multi-row INSERTs inside the caller's transaction, with the same audit entries (one
 * `create` per feature, the stored record as `after`), shelter status history and change actor as `createFeature` writes one by one;
 * the context's rules run on every stored record (a throw rolls the transaction back). `onChunk` reports progress.
 * @example const ids = await createFeatures(trx, LAYERS.shelters, features, { actor: 'li' })
 */
export async function createFeatures(
  trx: Kysely<Database>,
  d: LayerDescriptor,
  features: { geometry: Geometry | null; properties: Record<string, unknown> }[],
  ctx: EditContext,
  onChunk?: (done: number) => void | Promise<void>,
): Promise<number[]> {
  const ids: number[] = [];
  if (features.length) await sql`select set_config('riskmap.actor', ${ctx.actor}, true)`.execute(trx);
  for (let i = 0; i < features.length; i += CHUNK) {
    const chunk = features.slice(i, i + CHUNK);
    const rows = chunk.map((f) => rowFromFeature(d, { type: 'Feature', geometry: f.geometry, properties: f.properties } as Feature<Geometry | null, Record<string, unknown>>));
    // RETURNING the stored record (rows come back in VALUES order) spares a second read per chunk
    const inserted = (await trx.insertInto(d.table).values(rows as never).returning(storedColumns(d) as never).execute()) as Record<string, unknown>[];
    const chunkIds = inserted.map((r) => Number(r.id));
    const stored = new Map<number, EditableFeature>();
    const audit: { actor: string; action: 'create'; layer: string; feature_id: number; before: null; after: string }[] = [];
    for (const [j, r] of inserted.entries()) {
      if (j % SLICE === SLICE - 1) await nextTurn();
      const id = Number(r.id);
      const after = editable(d, r);
      stored.set(id, after);
      ctx.authorize?.(after);
      ctx.check?.(after);
      audit.push({ actor: ctx.actor, action: 'create', layer: d.id, feature_id: id, before: null, after: JSON.stringify({ ...after.feature, deletedAt: null }) });
    }
    await trx.insertInto('audit_log').values(audit).execute();
    if (d.table === 'shelters') {
      const history = chunkIds
        .map((id) => ({ id, status: stored.get(id)!.feature.properties?.status }))
        .filter((h): h is { id: number; status: string } => typeof h.status === 'string')
        .map((h) => ({ shelter_id: h.id, status: h.status, changed_by: ctx.actor, note: 'create' }));
      if (history.length) await trx.insertInto('shelter_status_history').values(history).execute();
    }
    ids.push(...chunkIds);
    await onChunk?.(ids.length);
  }
  return ids;
}
