import type { Feature } from 'geojson';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { asGeoJSON } from '../postgis.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { featureFromRow } from '../layers/feature-row.js';

export interface EditableFeature {
  /** The stored feature with every column (restricted ones too), as the audit log records it. */
  feature: Feature;
  version: number;
  deletedAt: string | null;
  /** The township the feature belongs to (its own code for a township), for scoped editors. */
  townshipCode: string | null;
}

/**
 * One feature of a layer by id, deleted or not, for editing; `forUpdate` locks the row in a transaction.
 * @example const current = await readFeatureForEdit(trx, LAYERS.shelters, 3, { forUpdate: true })
 */
export async function readFeatureForEdit(
  db: Kysely<Database>,
  d: LayerDescriptor,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<EditableFeature | undefined> {
  let q = selectEditable(db, d).where(sql.ref('id'), '=', id);
  if (options.forUpdate) q = q.forUpdate();
  const row = (await q.executeTakeFirst()) as Record<string, unknown> | undefined;
  return row ? editableFromRow(d, row) : undefined;
}

/** Every column of a layer's rows (geometries as GeoJSON, deleted_at too), restricted to the layer's own rows. */
export function selectEditable(db: Kysely<Database>, d: LayerDescriptor) {
  const q = db
    .selectFrom(d.table)
    .select(d.columns.filter((c) => !d.geometryColumns.includes(c)).map((c) => sql.ref(c).as(c)))
    .select(d.geometryColumns.map((c) => asGeoJSON(c).as(c)))
    .select(asGeoJSON('geom').as('geometry'))
    .select(sql.ref('deleted_at').as('deleted_at'));
  return d.where ? q.where(sql.ref(d.where.column), '=', d.where.value) : q;
}

/** A row of `selectEditable` as the feature an edit works on. */
export function editableFromRow(d: LayerDescriptor, row: Record<string, unknown>): EditableFeature {
  const { deleted_at: deletedAt, ...rest } = row;
  const feature = featureFromRow(d, rest);
  const props = feature.properties ?? {};
  const townshipCode = (d.id === 'townships' ? props.code : props.townshipCode) as string | null | undefined;
  return {
    feature,
    version: Number(props.version),
    deletedAt: deletedAt ? new Date(deletedAt as string).toISOString() : null,
    townshipCode: townshipCode ?? null,
  };
}
