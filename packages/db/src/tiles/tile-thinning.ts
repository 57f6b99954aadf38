import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../schema.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { toCamel } from '../layers/case.js';
import { filteredLayer } from '../queries/layer-filter.js';
import { tileLonLatBox, type TileAddress } from './tile-coords.js';

/** How a layer's tiles stay small below the full-detail zoom (see packages/config `gis.tile*`). */
export interface TileBudget {
  /** Most features in one tile below `fullDetailZoom`. */
  maxFeatures: number;
  /** Most bytes of one encoded tile below `fullDetailZoom`. */
  maxBytes: number;
  /** From this zoom on a tile holds every feature that touches it, whatever its size. */
  fullDetailZoom: number;
  /** First grid cell, in 256-px tile pixels (a power of two ≤ 256), of a thinned tile; doubled until it fits. */
  cellPx: number;
}

/**
 * Which feature of a grid cell stands for the others (most important first; the id breaks ties): for risk
 * points the highest risk (level 1 = 重大风险 first), then the highest score, so a cluster's `level` is the
 * highest risk level among the points it stands for.
 */
export const TILE_PRIORITY: Partial<Record<LayerDescriptor['id'], readonly { column: string; desc: boolean }[]>> = {
  'risk-points': [{ column: 'level', desc: false }, { column: 'score', desc: true }],
  'hazard-sources': [{ column: 'is_major', desc: true }, { column: 'r_value', desc: true }],
  shelters: [{ column: 'capacity', desc: true }],
  warehouses: [{ column: 'floor_area_m2', desc: true }],
  'fire-stations': [{ column: 'vehicles', desc: true }],
  'demand-points': [{ column: 'population', desc: true }],
  'candidate-sites': [{ column: 'effective_area_m2', desc: true }],
  'hidden-hazards': [{ column: 'supervised', desc: true }],
};

/**
 * Columns a cell is split by as well: risk points are grouped per risk level, so a map that filters by
 * level (the command map's level toggles) shows exactly the levels chosen, with exact counts.
 */
export const TILE_GROUP_BY: Partial<Record<LayerDescriptor['id'], readonly string[]>> = { 'risk-points': ['level'] };

/** Whether a layer's tiles are thinned below the full-detail zoom (point layers; area layers are few and whole). */
export function isThinnable(d: LayerDescriptor): boolean {
  return d.geometryType !== 'MultiPolygon';
}

/**
 * The representatives of a thinned tile: the tile's features (by their point on surface) grouped by a grid
 * of `cellPx` tile pixels aligned with the tile pyramid (and TILE_GROUP_BY), one row per group — its most
 * important feature (TILE_PRIORITY) with `count`, the number of features in the group. Only features whose point lies
 * inside the tile itself count (no buffer), so the counts of all tiles of a zoom add up to the layer.
 * Columns come out camelCased, the point as `pt` (EPSG:4326); every value is a bound parameter.
 * The grouping runs over narrow rows (id, point, group and priority columns); only the representatives' other
 * columns are read, joined back by id (at 100,000 points a z10 tile's 85,000 wide rows made the sort the cost).
 * @example db.selectFrom(thinnedRows(db, LAYERS['risk-points'], { z: 8, x: 210, y: 100 }, ['level'], false, 16))
 */
export function thinnedRows(db: Kysely<Database>, d: LayerDescriptor, t: TileAddress, columns: readonly string[], publicOnly: boolean, cellPx: number) {
  const { cx, cy, pt, inTile } = cellOf(db, d, t, publicOnly, cellPx);
  const order: RawBuilder<unknown>[] = [
    ...(TILE_PRIORITY[d.id] ?? []).map((p) => (p.desc ? sql`${sql.ref(p.column)} desc nulls last` : sql`${sql.ref(p.column)} asc nulls last`)),
    sql`${sql.ref('id')} asc`,
  ];
  const partition = sql.join([cx, cy, ...(TILE_GROUP_BY[d.id] ?? []).map((c) => sql.ref(c))]);
  const ranked = inTile
    .select(sql.ref('id').as('rep_id'))
    .select(pt.as('pt'))
    .select(sql<number>`count(*) over (partition by ${partition})`.as('count'))
    .select(sql<number>`row_number() over (partition by ${partition} order by ${sql.join(order)})`.as('rank'))
    .as('ranked');
  // The layer's table joined back by name (dynamic, so typed loosely: every reference is sql.ref).
  const joined = (db.selectFrom(ranked) as unknown as SelectQueryBuilder<Database, 'shelters', object>).innerJoin(
    sql`${sql.table(d.table)}`.as('src') as unknown as 'shelters as src',
    (j) => j.on(sql<boolean>`${sql.ref('src.id')} = ${sql.ref('ranked.rep_id')}`),
  );
  const cells = joined
    .where(sql.ref('ranked.rank'), '=', 1)
    .select(sql.ref('src.id').as('id'))
    .select(columns.map((c) => sql.ref(`src.${c}`).as(toCamel(c))))
    .select(sql.ref('ranked.pt').as('pt'))
    .select(sql.ref('ranked.count').as('count'))
    .as('cells');
  return db.selectFrom(cells);
}

/**
 * How many groups a thinned tile has at each grid cell size (`cellPx` doubled up to 256 px), in one scan: the
 * features' finest cells are made distinct first (a hash aggregate), and the coarser cells are counted over those
 * groups (a distinct over thousands of cells, not over every feature — at 100,000 points the count over a z10
 * tile's 85,000 features was the slowest step).
 * @example await cellGroupCounts(db, LAYERS['risk-points'], { z: 10, x: 841, y: 401 }, false, 4) // [{ px: 4, groups: 9120 }, …]
 */
export async function cellGroupCounts(db: Kysely<Database>, d: LayerDescriptor, t: TileAddress, publicOnly: boolean, cellPx: number): Promise<{ px: number; groups: number }[]> {
  const { cx, cy, inTile } = cellOf(db, d, t, publicOnly, cellPx);
  const groupBy = TILE_GROUP_BY[d.id] ?? [];
  const sizes: number[] = [];
  for (let px = cellPx; px <= 256; px *= 2) sizes.push(px);
  const cells = inTile
    .select(cx.as('cx'))
    .select(cy.as('cy'))
    .select(groupBy.map((c) => sql.ref(c).as(c)))
    .distinct()
    .as('c');
  const k = (px: number) => px / cellPx;
  const row = (await db
    .selectFrom(cells)
    .select(sizes.map((px, i) => sql<string>`count(distinct (floor(${sql.ref('c.cx')} / ${k(px)}::float8), floor(${sql.ref('c.cy')} / ${k(px)}::float8)${sql.join(groupBy.map((c) => sql`, ${sql.ref(`c.${c}`)}`), sql``)}))`.as(`n${i}`)))
    .executeTakeFirst()) as Record<string, string> | undefined;
  return sizes.map((px, i) => ({ px, groups: Number(row?.[`n${i}`] ?? 0) }));
}

/**
 * The smallest grid cell (px, `cellPx` doubled 0 or more times, at most 256) whose groups in the tile are
 * at most `maxFeatures`, found in one scan of the tile's features (the group counts of every cell size at once).
 * @example await fittingCellPx(db, LAYERS['risk-points'], { z: 10, x: 841, y: 401 }, false, 4, 4000) // 16
 */
export async function fittingCellPx(db: Kysely<Database>, d: LayerDescriptor, t: TileAddress, publicOnly: boolean, cellPx: number, maxFeatures: number): Promise<number> {
  const counts = await cellGroupCounts(db, d, t, publicOnly, cellPx);
  return counts.find((c) => c.groups <= maxFeatures)?.px ?? 256;
}

/** The grid cell (cx, cy) of each feature's point at `cellPx`, and the layer's features whose point is inside the tile. */
function cellOf(db: Kysely<Database>, d: LayerDescriptor, t: TileAddress, publicOnly: boolean, cellPx: number) {
  const perTile = Math.max(1, Math.round(256 / cellPx));
  const across = 2 ** t.z * perTile;
  // A point is its own anchor (no GEOS call per row); other geometries their point on surface.
  const pt = sql`(case when GeometryType(${sql.ref('geom')}) = 'POINT' then ${sql.ref('geom')} else ST_PointOnSurface(${sql.ref('geom')}) end)`;
  const lat = sql`radians(greatest(-85.0511, least(85.0511, ST_Y(${pt}))))`;
  const cx = sql<number>`floor((ST_X(${pt}) + 180) / 360 * ${across}::float8)`;
  const cy = sql<number>`floor((1 - ln(tan(${lat}) + 1 / cos(${lat})) / pi()) / 2 * ${across}::float8)`;
  const inTile = filteredLayer(db, d, { bbox: tileLonLatBox(t, 1 / 4096), publicOnly })
    .where(cx, '>=', t.x * perTile)
    .where(cx, '<', (t.x + 1) * perTile)
    .where(cy, '>=', t.y * perTile)
    .where(cy, '<', (t.y + 1) * perTile);
  return { cx, cy, pt, inTile };
}
