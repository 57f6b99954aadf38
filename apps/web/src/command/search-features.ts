/** Search loaded features by name (command map search box). */
import type { LayerSet, PointLayerId } from '../api/types.js';

export interface FeatureHit {
  layer: PointLayerId;
  name: string;
  properties: Record<string, unknown>;
  lonLat: [number, number];
}

/** Features whose name or enterprise contains the query, prefix matches first, at most `limit`. */
export function searchFeatures(query: string, layers: Partial<LayerSet>, limit = 10): FeatureHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: (FeatureHit & { rank: number })[] = [];
  for (const id of ['shelters', 'hazard-sources', 'risk-points', 'warehouses', 'fire-stations'] as PointLayerId[]) {
    for (const f of layers[id]?.features ?? []) {
      const p = f.properties as unknown as Record<string, unknown>;
      const name = String(p.name ?? '');
      const hay = `${name} ${String(p.enterprise ?? '')}`.toLowerCase();
      if (!hay.includes(q)) continue;
      hits.push({ layer: id, name, properties: p, lonLat: f.geometry.coordinates as [number, number], rank: name.toLowerCase().startsWith(q) ? 0 : 1 });
    }
  }
  return hits.sort((a, b) => a.rank - b.rank || a.name.length - b.name.length).slice(0, limit).map(({ rank: _r, ...h }) => h);
}
