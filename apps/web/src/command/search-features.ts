/** Search the command map: features by name, code, enterprise or address; villages; and typed coordinates. */
import type { LayerSet, PointLayerId } from '../api/types.js';

export interface FeatureHit {
  layer: PointLayerId | 'demand-points' | 'townships' | 'coordinates';
  name: string;
  /** What matched besides the name (the code or address), shown under it. */
  detail?: string;
  properties: Record<string, unknown>;
  lonLat: [number, number];
}

export interface Village {
  name: string;
  code: string;
  townshipCode?: string | null;
  lonLat: [number, number];
}

/**
 * "115.78,36.11", "115.78 36.11" or "36.11, 115.78" (latitude first when the first number is within
 * ±90 and the second is not) → [lon, lat]; null when the text is not a coordinate pair.
 * @example parseCoordinates('115.78,36.11') → [115.78, 36.11]
 */
export function parseCoordinates(text: string): [number, number] | null {
  const m = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,，\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (Math.abs(a) <= 180 && Math.abs(b) <= 90) return [a, b];
  if (Math.abs(a) <= 90 && Math.abs(b) <= 180) return [b, a];
  return null;
}

const SEARCHED: PointLayerId[] = ['shelters', 'hazard-sources', 'risk-points', 'warehouses', 'fire-stations'];

/**
 * Hits for the query, best first: an exact code, then names starting with it, then any field containing
 * it; at most `limit` (the list scrolls). @example searchFeatures('SH-010', layers)[0].properties.code → 'SH-010'
 */
export function searchFeatures(query: string, layers: Partial<LayerSet>, limit = 200, villages: readonly Village[] = []): FeatureHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const at = parseCoordinates(query);
  const hits: (FeatureHit & { rank: number })[] = [];
  if (at) hits.push({ layer: 'coordinates', name: `${at[0].toFixed(5)}, ${at[1].toFixed(5)}`, properties: {}, lonLat: at, rank: -1 });
  const consider = (layer: FeatureHit['layer'], p: Record<string, unknown>, lonLat: [number, number]) => {
    const name = String(p.name ?? '');
    const code = String(p.code ?? '');
    const fields = [name, code, String(p.enterprise ?? ''), String(p.address ?? '')];
    const hay = fields.join(' ').toLowerCase();
    if (!hay.includes(q)) return;
    const rank = code.toLowerCase() === q ? 0 : name.toLowerCase() === q ? 1 : name.toLowerCase().startsWith(q) || code.toLowerCase().startsWith(q) ? 2 : 3;
    const detail = [code, String(p.address ?? '')].filter(Boolean).join(' · ');
    hits.push({ layer, name, detail, properties: p, lonLat, rank });
  };
  for (const id of SEARCHED) {
    for (const f of layers[id]?.features ?? []) consider(id, f.properties as unknown as Record<string, unknown>, f.geometry.coordinates as [number, number]);
  }
  for (const v of villages) consider('demand-points', { name: v.name, code: v.code, townshipCode: v.townshipCode }, v.lonLat);
  return hits
    .sort((a, b) => a.rank - b.rank || a.name.length - b.name.length || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, limit)
    .map(({ rank: _r, ...h }) => h);
}
