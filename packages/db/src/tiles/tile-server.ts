import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { toCamel } from '../layers/case.js';
import { filteredLayer } from '../queries/layer-filter.js';
import { TILE_BUFFER, TILE_EXTENT, tileLonLatBox, type TileAddress } from './tile-coords.js';
import { isThinnable, thinnedRows, type TileCells } from './tile-thinning.js';

const envelope = (t: TileAddress) => sql`ST_TileEnvelope(${t.z}::int, ${t.x}::int, ${t.y}::int)`;
const mvtGeom = (column: string, t: TileAddress) => sql`ST_AsMVTGeom(ST_Transform(${sql.ref(column)}, 3857), ${envelope(t)}, ${TILE_EXTENT}::int, ${TILE_BUFFER}::int, true)`;

/**
 * A Mapbox Vector Tile of a layer built by PostGIS (ST_AsMVTGeom + ST_AsMVT); needs PostGIS with protobuf.
 * Point layers carry `count` = 1 (the same field a thinned tile's clusters carry).
 * @example const bytes = await serverTile(db, LAYERS.shelters, { z: 12, x: 3365, y: 1602 }, ['code', 'name'], true)
 */
export async function serverTile(db: Kysely<Database>, d: LayerDescriptor, t: TileAddress, columns: readonly string[], publicOnly: boolean): Promise<Uint8Array> {
  let rows = filteredLayer(db, d, { bbox: tileLonLatBox(t, TILE_BUFFER / TILE_EXTENT), publicOnly })
    .select(mvtGeom('geom', t).as('mvt_geom'))
    .select(sql.ref('id').as('id'))
    .select(columns.map((c) => sql.ref(c).as(toCamel(c))));
  if (isThinnable(d)) rows = rows.select(sql<number>`1::int`.as('count'));
  return (await encode(db, rows.as('t'), d.id)).bytes;
}

/**
 * A thinned tile by PostGIS: the representatives of `cells` (see tileCells, thinnedRows) with their `count`.
 * @example const { bytes, features } = await serverThinnedTile(db, LAYERS['risk-points'], { z: 8, x: 210, y: 100 }, ['level'], false, tileCells(ranking, t, 8)[0])
 */
export async function serverThinnedTile(db: Kysely<Database>, d: LayerDescriptor, t: TileAddress, columns: readonly string[], publicOnly: boolean, cells: Pick<TileCells, 'ids' | 'counts'>): Promise<{ bytes: Uint8Array; features: number }> {
  const rows = thinnedRows(db, d, columns, publicOnly, cells)
    .select(mvtGeom('cells.pt', t).as('mvt_geom'))
    .select(sql.ref('cells.id').as('id'))
    .select(columns.map((c) => sql.ref(`cells.${toCamel(c)}`).as(toCamel(c))))
    .select(sql<number>`cells.count::int`.as('count'))
    .as('t');
  return encode(db, rows, d.id);
}

async function encode(db: Kysely<Database>, rows: ReturnType<ReturnType<typeof filteredLayer>['as']> | ReturnType<ReturnType<typeof thinnedRows>['as']>, layer: string): Promise<{ bytes: Uint8Array; features: number }> {
  const row = await db
    .selectFrom(rows as never)
    .select(sql<Uint8Array | null>`ST_AsMVT(t, ${layer}::text, ${TILE_EXTENT}::int, 'mvt_geom', 'id')`.as('tile'))
    .select(sql<string>`count(*)`.as('n'))
    .where(sql.ref('t.mvt_geom'), 'is not', null)
    .executeTakeFirst();
  const tile = row?.tile;
  return { bytes: tile ? new Uint8Array(tile.buffer, tile.byteOffset, tile.byteLength) : new Uint8Array(), features: Number(row?.n ?? 0) };
}
