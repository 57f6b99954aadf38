import { PbfReader } from 'pbf';
import { VectorTile } from '@mapbox/vector-tile';

/** The features of one MVT layer as { id, type, properties } (empty when the layer is absent). */
export function decodeTile(bytes: Uint8Array, layer: string): { id: number | undefined; type: number; properties: Record<string, unknown> }[] {
  const l = new VectorTile(new PbfReader(bytes)).layers[layer];
  if (!l) return [];
  return Array.from({ length: l.length }, (_, i) => l.feature(i)).map((f) => ({ id: f.id, type: f.type, properties: { ...f.properties } }));
}

/** The XYZ tile containing lon/lat at zoom z. */
export function tileAt(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) };
}
