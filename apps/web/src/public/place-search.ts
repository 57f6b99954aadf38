/** Search places (townships, villages) by name for the finder. */

export interface Place {
  name: string;
  kind: 'township' | 'village' | 'community' | 'shelter';
  parent?: string;
  lon: number;
  lat: number;
}

/**
 * Places whose name contains the query (case-insensitive), prefix matches first, townships before
 * villages, at most `limit`. @example searchPlaces('阿城', places) → [{ name: '阿城镇', … }]
 */
export function searchPlaces(query: string, places: readonly Place[], limit = 8): Place[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const rank = (p: Place) => (p.name.toLowerCase().startsWith(q) ? 0 : 1) * 2 + (p.kind === 'township' ? 0 : 1);
  return places
    .filter((p) => p.name.toLowerCase().includes(q))
    .sort((a, b) => rank(a) - rank(b) || a.name.length - b.name.length || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, limit);
}
