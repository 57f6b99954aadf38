import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Backend } from '../connect.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { countLayer } from '../queries/layer-filter.js';
import { embeddedThinnedTile, embeddedTile } from './tile-embedded.js';
import { serverThinnedTile, serverTile } from './tile-server.js';
import { tileColumns } from './tile-columns.js';
import { isTileAddress, tileLonLatBox, TILE_BUFFER, TILE_EXTENT, type TileAddress } from './tile-coords.js';
import { isThinnable, type TileBudget } from './tile-thinning.js';
import { cachedTileRanking, loadTileRanking } from './tile-ranking.js';
import { tileCells } from './tile-cells.js';

export interface LayerTileOptions {
  /** Only these columns may appear as properties (e.g. the layer's public columns); default all scalar columns. */
  allowedColumns?: readonly string[];
  /** Only rows the public may see. */
  publicOnly?: boolean;
  /** Keep tiles below `budget.fullDetailZoom` within a feature and byte budget by thinning point layers; default: every feature. */
  budget?: TileBudget;
  /**
   * The layer's data revision (anything that changes whenever its rows do, e.g. the API's change-bus layer version):
   * with it the layer is ranked for thinning once per revision and kept in memory (see cachedTileRanking), so a
   * thinned tile reads only its representatives; without it each thinned tile ranks the features near it.
   */
  revision?: string | number;
}

/**
 * A layer's Mapbox Vector Tile (one MVT layer named by the layer id, feature id = row id): ST_AsMVT on a
 * PostgreSQL server, geojson-vt + vt-pbf on embedded PGlite (whose PostGIS lacks ST_AsMVT). The one
 * place the two backends differ for tiles; an empty tile is an empty byte array.
 *
 * With a budget, a point layer's tile below the full-detail zoom that holds more than `maxFeatures`
 * features or encodes to more than `maxBytes` is thinned: its features are grouped by a grid of
 * `cellPx` pixels (doubled until the tile fits), one feature per cell — the cell's most important — with
 * `count`, how many features it stands for. Tiles within the budget, and every tile from the full-detail
 * zoom on, hold every feature (`count` = 1). The grouping runs in memory over the layer's TileRanking (narrow rows
 * read once per `revision`); the database reads only the representatives' rows and encodes them.
 * @example const mvt = await layerTile(db, 'embedded', LAYERS.shelters, { z: 10, x: 841, y: 400 })
 */
export async function layerTile(db: Kysely<Database>, backend: Backend, d: LayerDescriptor, t: TileAddress, options: LayerTileOptions = {}): Promise<Uint8Array> {
  if (!isTileAddress(t)) throw new Error(`layerTile: ${t.z}/${t.x}/${t.y} is not a tile address`);
  if (backend !== 'server') return buildTile(db, db, backend, d, t, options);
  // A tile's queries are short; PostgreSQL's JIT would spend ~3 s compiling each one over a large layer (measured at 100,000 points).
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    // The thinning sorts a low-zoom tile's points (85,000 at 100,000 in the county): in memory, not in a temporary file.
    await sql`set local work_mem = '32MB'`.execute(trx);
    return buildTile(db, trx, backend, d, t, options);
  });
}

/**
 * Read and keep a layer's thinning ranking for `revision` ahead of its tiles (after a change, so the first thinned
 * tile of the new revision does not wait for it), with the same server settings a tile uses.
 * @example await warmTileRanking(db, 'server', LAYERS['risk-points'], false, deps.changes.layerVersion('risk-points'))
 */
export async function warmTileRanking(db: Kysely<Database>, backend: Backend, d: LayerDescriptor, publicOnly: boolean, revision: string | number): Promise<void> {
  if (!isThinnable(d)) return;
  if (backend !== 'server') return void (await cachedTileRanking(db, db, d, publicOnly, revision));
  await db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    await sql`set local work_mem = '32MB'`.execute(trx);
    await cachedTileRanking(db, trx, d, publicOnly, revision);
  });
}

async function buildTile(owner: Kysely<Database>, db: Kysely<Database>, backend: Backend, d: LayerDescriptor, t: TileAddress, options: LayerTileOptions): Promise<Uint8Array> {
  const columns = await tileColumns(db, d, options.allowedColumns);
  const publicOnly = options.publicOnly ?? false;
  const whole = () => (backend === 'server' ? serverTile : embeddedTile)(db, d, t, columns, publicOnly);
  const b = options.budget;
  if (!b || t.z >= b.fullDetailZoom || !isThinnable(d)) return whole();
  const ranking = options.revision === undefined ? await loadTileRanking(db, d, publicOnly, tileLonLatBox(t, 1 / TILE_EXTENT)) : await cachedTileRanking(owner, db, d, publicOnly, options.revision);
  // Every cell size at once; the finest's counts add up to the features inside the tile (no buffer).
  const sizes = tileCells(ranking, t, b.cellPx);
  const inside = sizes[0]!.counts.reduce((n, c) => n + c, 0);
  // The buffered tile holds at least the features inside it: only a tile that may fit is counted and built whole.
  if (inside <= b.maxFeatures && (await countLayer(db, d, { bbox: tileLonLatBox(t, TILE_BUFFER / TILE_EXTENT), publicOnly })) <= b.maxFeatures) {
    const bytes = await whole();
    if (bytes.length <= b.maxBytes) return bytes;
  }
  const thinned = backend === 'server' ? serverThinnedTile : embeddedThinnedTile;
  // The smallest cell that meets the feature budget, then coarser only if the bytes still exceed theirs: sizes whose
  // groups × the bytes per feature just measured exceed the byte budget by more than BYTE_ESTIMATE_MARGIN are skipped.
  let i = Math.max(0, sizes.findIndex((c) => c.ids.length <= b.maxFeatures));
  if (sizes[i]!.ids.length > b.maxFeatures) i = sizes.length - 1;
  for (;;) {
    const tile = await thinned(db, d, t, columns, publicOnly, sizes[i]!);
    if ((tile.features <= b.maxFeatures && tile.bytes.length <= b.maxBytes) || i >= sizes.length - 1) return tile.bytes;
    const perFeature = tile.bytes.length / Math.max(1, tile.features);
    let next = i + 1;
    while (next < sizes.length - 1 && sizes[next]!.ids.length * perFeature > b.maxBytes * BYTE_ESTIMATE_MARGIN) next++;
    i = next;
  }
}

/** A cell size is built only when its estimated bytes are within this factor of the byte budget (the estimate is the group count × the bytes per feature of the last build). */
const BYTE_ESTIMATE_MARGIN = 1.1;
