import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { layerFilterKinds } from '../queries/layer-columns.js';

const NOT_IN_TILES = new Set(['id', 'created_at', 'updated_at']);

/**
 * The columns a layer's tiles carry as properties: its scalar columns (no json, no geometry, no
 * timestamps), limited to `allowed` when given; `id` travels as the MVT feature id instead.
 * @example await tileColumns(db, LAYERS.shelters, LAYERS.shelters.publicColumns) // ['code', 'name', 'sample', 'shelter_class', …]
 */
export async function tileColumns(db: Kysely<Database>, d: LayerDescriptor, allowed?: readonly string[]): Promise<string[]> {
  const kinds = await layerFilterKinds(db, d);
  return d.columns.filter((c) => kinds[c] && !NOT_IN_TILES.has(c) && (!allowed || allowed.includes(c)));
}
