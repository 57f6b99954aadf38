import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { contains, distanceMeters, dwithinMeters, geodesicAreaM2, knnTo } from '../postgis.js';

/**
 * The k features of a point layer nearest to lon/lat (index-assisted KNN `<->`), with geodesic distance in m.
 * Soft-deleted features are left out. The KNN order is planar; the first `k × 4` candidates are re-ranked by geodesic distance.
 * @example await nearestFeatures(db, LAYERS.shelters, 115.79, 36.1, 3)
 */
export async function nearestFeatures(db: Kysely<Database>, d: LayerDescriptor, lon: number, lat: number, k: number): Promise<{ id: number; code: string; distanceM: number }[]> {
  const candidates = db
    .selectFrom(d.table)
    .select([sql.ref<number>('id').as('id'), sql.ref<string>('code').as('code'), distanceMeters('geom', lon, lat).as('distance_m')])
    .where(sql.ref('deleted_at'), 'is', null)
    .orderBy(knnTo('geom', lon, lat))
    .limit(k * 4)
    .as('c');
  const rows = await db.selectFrom(candidates).selectAll().orderBy('distance_m').orderBy('id').limit(k).execute();
  return rows.map((r) => ({ id: r.id, code: r.code, distanceM: r.distance_m }));
}

/**
 * How many features of a layer lie within `meters` of lon/lat (geodesic, ST_DWithin on geography).
 * @example await countWithin(db, LAYERS['demand-points'], 115.79, 36.1, 2000)
 */
export async function countWithin(db: Kysely<Database>, d: LayerDescriptor, lon: number, lat: number, meters: number): Promise<number> {
  const row = await db
    .selectFrom(d.table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(dwithinMeters('geom', lon, lat, meters))
    .where(sql.ref('deleted_at'), 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The township (admin_areas, level township) containing each feature of a layer, by ST_Contains;
 * null where no township contains it.
 * @example await assignTownships(db, LAYERS.shelters) // [{ id: 1, townshipCode: '371521001' }, …]
 */
export async function assignTownships(db: Kysely<Database>, d: LayerDescriptor): Promise<{ id: number; townshipCode: string | null }[]> {
  const rows = await db
    .selectFrom(`${d.table} as f` as 'shelters as f')
    .leftJoin('admin_areas as t', (join) => join.on(contains('t.geom', 'f.geom')).on('t.level', '=', 'township'))
    .select(['f.id as id', 't.code as township_code'])
    .where('f.deleted_at', 'is', null)
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({ id: r.id, townshipCode: r.township_code ?? null }));
}

/**
 * Geodesic area (m²) of every township polygon, by code.
 * @example await townshipAreasM2(db) // [{ code: '371521001', areaM2: 6.1e7 }, …]
 */
export async function townshipAreasM2(db: Kysely<Database>): Promise<{ code: string; areaM2: number }[]> {
  const rows = await db
    .selectFrom('admin_areas')
    .select(['code', geodesicAreaM2('geom').as('area_m2')])
    .where('level', '=', 'township')
    .where('deleted_at', 'is', null)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ code: r.code, areaM2: r.area_m2 }));
}
