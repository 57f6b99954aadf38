import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { toCamel } from '../layers/case.js';
import { filteredLayer } from '../queries/layer-filter.js';

/** A thinned tile's content at one grid cell size: per occupied cell and group its representative and how many features it stands for. */
export interface TileCells {
  /** Grid cell in 256-px tile pixels. */
  px: number;
  /** Representatives (feature ids), one per occupied cell and group: the cell's lowest rank. */
  ids: number[];
  /** How many features of the tile each representative stands for (the same order as `ids`). */
  counts: number[];
}

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

/** The point a feature is thinned by: a point is its own anchor (no GEOS call per row); other geometries their point on surface. */
export const thinningPoint = (): RawBuilder<unknown> => sql`(case when GeometryType(${sql.ref('geom')}) = 'POINT' then ${sql.ref('geom')} else ST_PointOnSurface(${sql.ref('geom')}) end)`;

/**
 * The representatives of a thinned tile (`cells`, see tileCells: one feature per grid cell and group, the most
 * important by TILE_PRIORITY, with `count`, the number of features it stands for) read by id with their columns:
 * columns come out camelCased, the point as `pt` (EPSG:4326), `count` as given; the ids and counts are two bound
 * array parameters. A representative deleted since its ranking was read is left out.
 * @example db.selectFrom(thinnedRows(db, LAYERS['risk-points'], ['level'], false, cells))
 */
export function thinnedRows(db: Kysely<Database>, d: LayerDescriptor, columns: readonly string[], publicOnly: boolean, cells: Pick<TileCells, 'ids' | 'counts'>) {
  const ids = [...cells.ids];
  const reps = sql`(select unnest(${ids}::int[]) as rep_id, unnest(${[...cells.counts]}::int[]) as count)`.as('k');
  const rows = filteredLayer(db, d, { publicOnly, where: [sql<boolean>`${sql.ref('id')} = any(${ids}::int[])`] }) // the primary key's index, not a scan of the layer
    .innerJoin(reps as unknown as 'shelters as k', (j) => j.on(sql<boolean>`${sql.ref('k.rep_id')} = ${sql.ref('id')}`))
    .select(sql.ref('id').as('id'))
    .select(columns.map((c) => sql.ref(c).as(toCamel(c))))
    .select(thinningPoint().as('pt'))
    .select(sql.ref('k.count').as('count'))
    .orderBy(sql.ref('id')) // the same tile bytes for the same data
    .as('cells');
  return db.selectFrom(rows);
}
