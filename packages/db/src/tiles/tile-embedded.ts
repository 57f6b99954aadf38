/// <reference path="./vendor.d.ts" />
import geojsonvt from 'geojson-vt';
import vtpbf from 'vt-pbf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { toCamel } from '../layers/case.js';
import { getLayer } from '../queries/get-layer.js';
import { TILE_BUFFER, TILE_EXTENT, tileLonLatBox, type TileAddress } from './tile-coords.js';
import { isThinnable, thinnedRows, type TileCells } from './tile-thinning.js';

/**
 * A Mapbox Vector Tile of a layer built in JavaScript (geojson-vt + vt-pbf) from the features near the
 * tile, for PostGIS builds without ST_AsMVT; no simplification at the requested zoom, same extent and buffer.
 * Point layers carry `count` = 1 (the same field a thinned tile's clusters carry).
 * @example const bytes = await embeddedTile(db, LAYERS.shelters, { z: 12, x: 3365, y: 1602 }, ['code', 'name'], true)
 */
export async function embeddedTile(db: Kysely<Database>, d: LayerDescriptor, t: TileAddress, columns: readonly string[], publicOnly: boolean): Promise<Uint8Array> {
  const fc = await getLayer(db, d, { bbox: tileLonLatBox(t, TILE_BUFFER / TILE_EXTENT), publicOnly, columns: ['id', ...columns], stock: false });
  for (const f of fc.features) {
    delete f.properties!.id; // the id travels as the MVT feature id, as ST_AsMVT does
    if (isThinnable(d)) f.properties!.count = 1;
  }
  return encode(fc, d.id, t);
}

/**
 * A thinned tile in JavaScript: the representatives of `cells` (see tileCells, thinnedRows) with their `count`.
 * @example const { bytes, features } = await embeddedThinnedTile(db, LAYERS['risk-points'], { z: 8, x: 210, y: 100 }, ['level'], false, tileCells(ranking, t, 8)[0])
 */
export async function embeddedThinnedTile(db: Kysely<Database>, d: LayerDescriptor, t: TileAddress, columns: readonly string[], publicOnly: boolean, cells: Pick<TileCells, 'ids' | 'counts'>): Promise<{ bytes: Uint8Array; features: number }> {
  const rows = (await thinnedRows(db, d, columns, publicOnly, cells)
    .select(sql.ref('cells.id').as('id'))
    .select(columns.map((c) => sql.ref(`cells.${toCamel(c)}`).as(toCamel(c))))
    .select(sql<string>`ST_AsGeoJSON(cells.pt)`.as('geometry'))
    .select(sql<number>`cells.count::int`.as('count'))
    .orderBy(sql.ref('cells.id'))
    .execute()) as Record<string, unknown>[];
  const features: Feature[] = rows.map(({ id, geometry, ...properties }) => ({ type: 'Feature', id: id as number, geometry: JSON.parse(geometry as string) as Geometry, properties: withoutNulls(properties) }));
  return { bytes: encode({ type: 'FeatureCollection', features }, d.id, t), features: features.length };
}

function withoutNulls(p: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}

function encode(fc: FeatureCollection, layer: string, t: TileAddress): Uint8Array {
  if (fc.features.length === 0) return new Uint8Array();
  const index = geojsonvt(fc, { maxZoom: t.z, indexMaxZoom: 0, tolerance: 0, extent: TILE_EXTENT, buffer: TILE_BUFFER });
  const tile = index.getTile(t.z, t.x, t.y);
  if (!tile || tile.features.length === 0) return new Uint8Array();
  return vtpbf.fromGeojsonVt({ [layer]: tile }, { version: 2, extent: TILE_EXTENT });
}
