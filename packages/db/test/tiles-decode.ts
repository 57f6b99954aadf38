import { PbfReader } from 'pbf';
import { VectorTile } from '@mapbox/vector-tile';

export interface DecodedFeature {
  id: number | undefined;
  type: number;
  properties: Record<string, unknown>;
  /** Rings / parts in tile units (0…extent). */
  rings: { x: number; y: number }[][];
}

/** Every feature of one layer of an MVT, decoded (empty when the layer is absent). */
export function decodeTileLayer(bytes: Uint8Array, layer: string): { extent: number; features: DecodedFeature[] } {
  const tile = new VectorTile(new PbfReader(bytes));
  const l = tile.layers[layer];
  if (!l) return { extent: 4096, features: [] };
  const features: DecodedFeature[] = [];
  for (let i = 0; i < l.length; i++) {
    const f = l.feature(i);
    features.push({ id: f.id, type: f.type, properties: { ...f.properties }, rings: f.loadGeometry().map((r) => r.map((p) => ({ x: p.x, y: p.y }))) });
  }
  return { extent: l.extent, features: features.sort((a, b) => (a.id ?? 0) - (b.id ?? 0)) };
}

/** The tile (x, y) containing lon/lat at zoom z. */
export function tileAt(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { z, x, y };
}

/** [minX, minY, maxX, maxY] of a decoded feature's vertices. */
export function ringsBox(rings: { x: number; y: number }[][]): [number, number, number, number] {
  const pts = rings.flat();
  return [Math.min(...pts.map((p) => p.x)), Math.min(...pts.map((p) => p.y)), Math.max(...pts.map((p) => p.x)), Math.max(...pts.map((p) => p.y))];
}

/** Absolute shoelace area of all rings (tile units²): holes are wound opposite, so signed sums cancel. */
export function ringsArea(rings: { x: number; y: number }[][]): number {
  let s = 0;
  for (const r of rings) for (let i = 0; i < r.length; i++) { const a = r[i]!, b = r[(i + 1) % r.length]!; s += a.x * b.y - b.x * a.y; }
  return Math.abs(s / 2);
}
