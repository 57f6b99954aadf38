import type { TileAddress } from './tile-coords.js';
import { FINE_LEVEL, type TileRanking } from './tile-ranking.js';
import type { TileCells } from './tile-thinning.js';

/**
 * The representatives of a tile at every grid cell size from `cellPx` doubled up to 256 px, from a TileRanking in
 * memory: one pass over the features whose point lies inside the tile itself (no buffer, so the counts of all tiles of
 * a zoom add up to the layer) for the finest cells, then each coarser size from the one below it (a cell's best is the
 * best of its four quarters' bests; its count their sum). Deterministic: ranks are a total order.
 * @example tileCells(await loadTileRanking(db, LAYERS['risk-points'], false), { z: 10, x: 841, y: 401 }, 4)[0] // { px: 4, ids: […], counts: […] }
 */
export function tileCells(r: TileRanking, t: TileAddress, cellPx: number): TileCells[] {
  const span = 2 ** (FINE_LEVEL - t.z); // a tile's width in FINE_LEVEL cells
  const x0 = t.x * span;
  const y0 = t.y * span;
  let perTile = Math.max(1, Math.round(256 / cellPx));
  const shift = span / perTile; // FINE_LEVEL cells per finest grid cell
  let px = 256 / perTile;
  // Finest cells: key = (cell x · perTile + cell y) · groups + group.
  let cells = new Map<number, { best: number; rank: number; count: number }>();
  for (let i = lowerBound(r.cx, x0), end = lowerBound(r.cx, x0 + span); i < end; i++) {
    const y = r.cy[i]!;
    if (y < y0 || y >= y0 + span) continue;
    const key = (Math.floor((r.cx[i]! - x0) / shift) * perTile + Math.floor((y - y0) / shift)) * r.groups + r.group[i]!;
    const c = cells.get(key);
    if (!c) cells.set(key, { best: r.ids[i]!, rank: r.rank[i]!, count: 1 });
    else {
      c.count++;
      if (r.rank[i]! < c.rank) (c.best = r.ids[i]!, (c.rank = r.rank[i]!));
    }
  }
  const out: TileCells[] = [];
  for (;;) {
    const ids: number[] = [];
    const counts: number[] = [];
    for (const c of cells.values()) (ids.push(c.best), counts.push(c.count));
    out.push({ px, ids, counts });
    if (perTile === 1) return out;
    const coarser = new Map<number, { best: number; rank: number; count: number }>();
    const half = perTile / 2;
    for (const [key, c] of cells) {
      const g = key % r.groups;
      const cell = (key - g) / r.groups;
      const cx = Math.floor(cell / perTile);
      const cy = cell % perTile;
      const k = (Math.floor(cx / 2) * half + Math.floor(cy / 2)) * r.groups + g;
      const o = coarser.get(k);
      if (!o) coarser.set(k, { ...c });
      else {
        o.count += c.count;
        if (c.rank < o.rank) (o.best = c.best, (o.rank = c.rank));
      }
    }
    cells = coarser;
    perTile = half;
    px *= 2;
  }
}

/** The first index whose value is ≥ v in an ascending array. */
function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
