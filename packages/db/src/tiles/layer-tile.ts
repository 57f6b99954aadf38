import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Backend } from '../connect.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { embeddedTile } from './tile-embedded.js';
import { serverTile } from './tile-server.js';
import { tileColumns } from './tile-columns.js';
import { isTileAddress, type TileAddress } from './tile-coords.js';

export interface LayerTileOptions {
  /** Only these columns may appear as properties (e.g. the layer's public columns); default all scalar columns. */
  allowedColumns?: readonly string[];
  /** Only rows the public may see. */
  publicOnly?: boolean;
}

/**
 * A layer's Mapbox Vector Tile (one MVT layer named by the layer id, feature id = row id): ST_AsMVT on a
 * PostgreSQL server, geojson-vt + vt-pbf on embedded PGlite (whose PostGIS lacks ST_AsMVT). The one
 * place the two backends differ for tiles; an empty tile is an empty byte array.
 * @example const mvt = await layerTile(db, 'embedded', LAYERS.shelters, { z: 10, x: 841, y: 400 })
 */
export async function layerTile(db: Kysely<Database>, backend: Backend, d: LayerDescriptor, t: TileAddress, options: LayerTileOptions = {}): Promise<Uint8Array> {
  if (!isTileAddress(t)) throw new Error(`layerTile: ${t.z}/${t.x}/${t.y} is not a tile address`);
  const columns = await tileColumns(db, d, options.allowedColumns);
  const build = backend === 'server' ? serverTile : embeddedTile;
  return build(db, d, t, columns, options.publicOnly ?? false);
}
