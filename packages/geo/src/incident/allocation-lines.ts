import type { FeatureCollection, LineString } from 'geojson';
import type { Allocation } from './allocate-evacuees.js';
import type { FeatureKey } from './types.js';

export interface AllocationLineProps {
  villageId: FeatureKey;
  villageName: string;
  shelterId: FeatureKey;
  shelterName: string;
  people: number;
  distanceM: number;
}

interface Place {
  id: FeatureKey;
  name?: string;
  lonLat: readonly [number, number];
}

/**
 * Straight evacuation lines from each village to the shelter it is sent to (one per allocation),
 * for drawing; the properties repeat the allocation with both names.
 * @example allocationLines([{ villageId: 1, shelterId: 9, people: 40, distanceM: 812 }], villages, shelters).features[0].geometry.type // → 'LineString'
 */
export function allocationLines(allocations: readonly Allocation[], villages: readonly Place[], shelters: readonly Place[]): FeatureCollection<LineString, AllocationLineProps> {
  const v = new Map(villages.map((p) => [p.id, p]));
  const s = new Map(shelters.map((p) => [p.id, p]));
  return {
    type: 'FeatureCollection',
    features: allocations.map((a) => {
      const from = v.get(a.villageId);
      const to = s.get(a.shelterId);
      if (!from || !to) throw new Error(`allocationLines: no place for village ${String(a.villageId)} or shelter ${String(a.shelterId)}`);
      return {
        type: 'Feature',
        properties: { villageId: a.villageId, villageName: from.name ?? String(from.id), shelterId: a.shelterId, shelterName: to.name ?? String(to.id), people: a.people, distanceM: a.distanceM },
        geometry: { type: 'LineString', coordinates: [[...from.lonLat], [...to.lonLat]] },
      };
    }),
  };
}
