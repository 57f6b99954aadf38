import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { asGeoJSON } from '../postgis.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { featureFromRow } from '../layers/feature-row.js';
import type { EditableFeature } from './edit-read.js';

/**
 * The features of a layer with the given codes (deleted ones too), by code, for update-by-code imports;
 * asked in chunks of 1,000 codes.
 * @example const current = await readFeaturesByCode(db, LAYERS.shelters, ['S-001', 'S-002'])
 */
export async function readFeaturesByCode(db: Kysely<Database>, d: LayerDescriptor, codes: readonly string[]): Promise<Map<string, EditableFeature & { id: number }>> {
  const out = new Map<string, EditableFeature & { id: number }>();
  for (let i = 0; i < codes.length; i += 1000) {
    let q = db
      .selectFrom(d.table)
      .select(d.columns.filter((c) => !d.geometryColumns.includes(c)).map((c) => sql.ref(c).as(c)))
      .select(d.geometryColumns.map((c) => asGeoJSON(c).as(c)))
      .select(asGeoJSON('geom').as('geometry'))
      .select(sql.ref('deleted_at').as('deleted_at'))
      .where(sql.ref('code'), 'in', codes.slice(i, i + 1000));
    if (d.where) q = q.where(sql.ref(d.where.column), '=', d.where.value);
    for (const row of (await q.execute()) as Record<string, unknown>[]) {
      const { deleted_at: deletedAt, ...rest } = row;
      const feature = featureFromRow(d, rest);
      const props = feature.properties ?? {};
      const townshipCode = (d.id === 'townships' ? props.code : props.townshipCode) as string | null | undefined;
      out.set(String(props.code), {
        id: Number(props.id),
        feature,
        version: Number(props.version),
        deletedAt: deletedAt ? new Date(deletedAt as string).toISOString() : null,
        townshipCode: townshipCode ?? null,
      });
    }
  }
  return out;
}

/**
 * Codes of the live features of a layer (for "present in the layer, absent from the file").
 * @example const all = await liveCodes(db, LAYERS.shelters)
 */
export async function liveCodes(db: Kysely<Database>, d: LayerDescriptor): Promise<{ id: number; code: string; name: string }[]> {
  let q = db.selectFrom(d.table).select([sql<number>`id`.as('id'), sql<string>`code`.as('code'), sql<string>`name`.as('name')]).where(sql.ref('deleted_at'), 'is', null);
  if (d.where) q = q.where(sql.ref(d.where.column), '=', d.where.value);
  return (await q.orderBy(sql.ref('code')).execute()) as { id: number; code: string; name: string }[];
}
