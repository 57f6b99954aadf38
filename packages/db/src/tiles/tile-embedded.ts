/// <reference path="./vendor.d.ts" />
import geojsonvt from 'geojson-vt';
import vtpbf from 'vt-pbf';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { getLayer } from '../queries/get-layer.js';
import { TILE_BUFFER, TILE_EXTENT, tileLonLatBox, type TileAddress } from './tile-coords.js';

/**
 * A Mapbox Vector Tile of a layer built in JavaScript (geojson-vt + vt-pbf) from the features near the
 * tile, for PostGIS builds without ST_AsMVT; no simplification at the requested zoom, same extent and buffer.
 * @example const bytes = await embeddedTile(db, LAYERS.shelters, { z: 12, x: 3365, y: 1602 }, ['code', 'name'], true)
 */
export async function embeddedTile(db: Kysely<Database>, d: LayerDescriptor, t: TileAddress, columns: readonly string[], publicOnly: boolean): Promise<Uint8Array> {
  const fc = await getLayer(db, d, { bbox: tileLonLatBox(t, TILE_BUFFER / TILE_EXTENT), publicOnly, columns: ['id', ...columns], stock: false });
  if (fc.features.length === 0) return new Uint8Array();
  for (const f of fc.features) delete f.properties!.id; // the id travels as the MVT feature id, as ST_AsMVT does
  const index = geojsonvt(fc, { maxZoom: t.z, indexMaxZoom: 0, tolerance: 0, extent: TILE_EXTENT, buffer: TILE_BUFFER });
  const tile = index.getTile(t.z, t.x, t.y);
  if (!tile || tile.features.length === 0) return new Uint8Array();
  return vtpbf.fromGeojsonVt({ [d.id]: tile }, { version: 2, extent: TILE_EXTENT });
}
