import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { toCamel } from '../layers/case.js';
import { filteredLayer } from '../queries/layer-filter.js';
import { TILE_BUFFER, TILE_EXTENT, tileLonLatBox, type TileAddress } from './tile-coords.js';

/**
 * A Mapbox Vector Tile of a layer built by PostGIS (ST_AsMVTGeom + ST_AsMVT); needs PostGIS with protobuf.
 * @example const bytes = await serverTile(db, LAYERS.shelters, { z: 12, x: 3365, y: 1602 }, ['code', 'name'], true)
 */
export async function serverTile(db: Kysely<Database>, d: LayerDescriptor, t: TileAddress, columns: readonly string[], publicOnly: boolean): Promise<Uint8Array> {
  const envelope = sql`ST_TileEnvelope(${t.z}::int, ${t.x}::int, ${t.y}::int)`;
  const rows = filteredLayer(db, d, { bbox: tileLonLatBox(t, TILE_BUFFER / TILE_EXTENT), publicOnly })
    .select(sql`ST_AsMVTGeom(ST_Transform(${sql.ref('geom')}, 3857), ${envelope}, ${TILE_EXTENT}::int, ${TILE_BUFFER}::int, true)`.as('mvt_geom'))
    .select(sql.ref('id').as('id'))
    .select(columns.map((c) => sql.ref(c).as(toCamel(c))))
    .as('t');
  const row = await db
    .selectFrom(rows)
    .select(sql<Uint8Array | null>`ST_AsMVT(t, ${d.id}::text, ${TILE_EXTENT}::int, 'mvt_geom', 'id')`.as('tile'))
    .where(sql.ref('t.mvt_geom'), 'is not', null)
    .executeTakeFirst();
  const tile = row?.tile;
  return tile ? new Uint8Array(tile.buffer, tile.byteOffset, tile.byteLength) : new Uint8Array();
}
