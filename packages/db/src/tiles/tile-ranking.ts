import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { filteredLayer } from '../queries/layer-filter.js';
import { thinningPoint, TILE_GROUP_BY, TILE_PRIORITY } from './tile-thinning.js';

/**
 * Grid level of the cells a ranking stores: a feature's cell at level L (2^L cells across the world) is its
 * FINE_LEVEL cell divided by 2^(FINE_LEVEL − L), exactly (the mercator fraction × a power of two is exact in
 * float8, and floor(floor(a) / 2^k) = floor(a / 2^k)). 30 covers every thinned tile: zoom ≤ 21 with 1-px cells is level 29.
 */
export const FINE_LEVEL = 30;

/**
 * The narrow rows a layer's tiles are thinned from, in one read: each live feature's id, its FINE_LEVEL web-mercator
 * grid cell (of its point on surface), its TILE_GROUP_BY group, and its rank in TILE_PRIORITY order (0 = the most
 * important; the id breaks ties). Sorted by cell x so a tile's features are a binary-searched range.
 */
export interface TileRanking {
  ids: Int32Array;
  cx: Float64Array;
  cy: Float64Array;
  /** Index of the feature's group (0 when the layer has no TILE_GROUP_BY). */
  group: Int32Array;
  rank: Int32Array;
  groups: number;
}

/**
 * Read a layer's TileRanking (the rows `publicOnly` allows; only those intersecting `bbox` when given). One sort of
 * narrow rows in the database; the cell arithmetic is the SQL the tiles always used, at FINE_LEVEL.
 * @example const r = await loadTileRanking(db, LAYERS['risk-points'], false)
 */
export async function loadTileRanking(db: Kysely<Database>, d: LayerDescriptor, publicOnly: boolean, bbox?: [number, number, number, number]): Promise<TileRanking> {
  const pt = thinningPoint();
  const across = 2 ** FINE_LEVEL;
  const lat = sql`radians(greatest(-85.0511, least(85.0511, ST_Y(${pt}))))`;
  const groupBy = TILE_GROUP_BY[d.id] ?? [];
  const order: RawBuilder<unknown>[] = [
    ...(TILE_PRIORITY[d.id] ?? []).map((p) => (p.desc ? sql`${sql.ref(p.column)} desc nulls last` : sql`${sql.ref(p.column)} asc nulls last`)),
    sql`${sql.ref('id')} asc`,
  ];
  const rows = (await filteredLayer(db, d, { publicOnly, ...(bbox ? { bbox } : {}) })
    .select(sql.ref('id').as('id'))
    .select(sql<number>`floor((ST_X(${pt}) + 180) / 360 * ${across}::float8)`.as('cx'))
    .select(sql<number>`floor((1 - ln(tan(${lat}) + 1 / cos(${lat})) / pi()) / 2 * ${across}::float8)`.as('cy'))
    .select(groupBy.map((c, i) => sql.ref(c).as(`g${i}`)))
    .orderBy(sql.join(order))
    .execute()) as unknown as ({ id: number; cx: number; cy: number } & Record<string, unknown>)[];
  const n = rows.length;
  const byX = Array.from({ length: n }, (_, i) => i).sort((a, b) => rows[a]!.cx - rows[b]!.cx || a - b);
  const r: TileRanking = { ids: new Int32Array(n), cx: new Float64Array(n), cy: new Float64Array(n), group: new Int32Array(n), rank: new Int32Array(n), groups: 1 };
  const groupIndex = new Map<string, number>();
  byX.forEach((i, k) => {
    const row = rows[i]!;
    const key = JSON.stringify(groupBy.map((_, g) => row[`g${g}`] ?? null));
    let gi = groupIndex.get(key);
    if (gi === undefined) groupIndex.set(key, (gi = groupIndex.size));
    r.ids[k] = Number(row.id);
    r.cx[k] = Number(row.cx);
    r.cy[k] = Number(row.cy);
    r.group[k] = gi;
    r.rank[k] = i;
  });
  r.groups = Math.max(1, groupIndex.size);
  return r;
}

const cache = new WeakMap<object, Map<string, Promise<TileRanking>>>();
/** Rankings kept per database (layer × audience × revision; a newer revision of one replaces the older). */
const MAX_RANKINGS = 16;

/**
 * A layer's TileRanking for a data revision, read once and kept (per `owner`, normally the database): every tile of
 * that revision is thinned from it without ranking the layer again. `revision` must change whenever the layer's rows do
 * (the API passes its change bus's layer version, the key of its tile cache too).
 * @example const r = await cachedTileRanking(db, db, LAYERS['risk-points'], false, 42)
 */
export function cachedTileRanking(owner: object, db: Kysely<Database>, d: LayerDescriptor, publicOnly: boolean, revision: string | number): Promise<TileRanking> {
  let m = cache.get(owner);
  if (!m) cache.set(owner, (m = new Map()));
  const base = `${d.id}|${publicOnly ? 'public' : 'full'}|`;
  const key = `${base}${revision}`;
  const hit = m.get(key);
  if (hit) {
    m.delete(key);
    m.set(key, hit); // the Map's order is the LRU order
    return hit;
  }
  for (const k of [...m.keys()]) if (k.startsWith(base)) m.delete(k);
  while (m.size >= MAX_RANKINGS) m.delete(m.keys().next().value!);
  const p = loadTileRanking(db, d, publicOnly);
  m.set(key, p);
  p.catch(() => m.get(key) === p && m.delete(key));
  return p;
}

/**
 * Whether `cachedTileRanking` already holds (or is reading) the ranking of this revision: the next thinned tile of
 * it reads no ranking.
 * @example peekTileRanking(db, LAYERS['risk-points'], false, 43) // true once warmed
 */
export function peekTileRanking(owner: object, d: LayerDescriptor, publicOnly: boolean, revision: string | number): boolean {
  return cache.get(owner)?.has(`${d.id}|${publicOnly ? 'public' : 'full'}|${revision}`) ?? false;
}
