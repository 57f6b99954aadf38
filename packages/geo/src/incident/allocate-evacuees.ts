import { haversineM } from '../analytics/haversine-m.js';
import { minCostFlow, type FlowArc } from './min-cost-flow.js';
import type { FeatureKey } from './types.js';

export interface Evacuees {
  id: FeatureKey;
  name?: string;
  lonLat: readonly [number, number];
  people: number;
}
export interface ShelterPlaces {
  id: FeatureKey;
  name?: string;
  lonLat: readonly [number, number];
  /** People it can still take. */
  capacity: number;
}
export interface Allocation {
  villageId: FeatureKey;
  shelterId: FeatureKey;
  people: number;
  /** Geodesic metres, whole metres (the cost the allocation minimises per person). */
  distanceM: number;
}
export interface EvacueeAllocation {
  allocations: Allocation[];
  placed: number;
  unplaced: number;
  unplacedVillages: { villageId: FeatureKey; name: string; people: number }[];
  /** Σ people × distanceM over the allocations. */
  personMetres: number;
  /** People sent to each shelter, in the order given (0 for unused shelters). */
  allocatedByShelter: number[];
}

/**
 * Sends evacuees to shelters within their capacity, placing as many people as the capacities allow
 * and, among such plans, minimising the total person-metres (straight-line geodesic, whole metres):
 * the transportation problem solved exactly as a min-cost maximum flow. A village may be split
 * between shelters; people are whole.
 * @example allocateEvacuees([{ id: 'v', lonLat: [115.8, 36.1], people: 120 }], [{ id: 's', lonLat: [115.8, 36.11], capacity: 100 }]).unplaced // → 20
 */
export function allocateEvacuees(evacuees: readonly Evacuees[], shelters: readonly ShelterPlaces[], options: { distanceM?: (a: readonly [number, number], b: readonly [number, number]) => number } = {}): EvacueeAllocation {
  const measure = options.distanceM ?? ((a, b) => haversineM(a[0], a[1], b[0], b[1]));
  const people = evacuees.map((e) => wholeNonNegative(e.people));
  const capacity = shelters.map((s) => wholeNonNegative(s.capacity));
  const V = evacuees.length;
  const S = shelters.length;
  const source = 0;
  const sink = V + S + 1;
  const arcs: FlowArc[] = [];
  const pairs: { v: number; s: number; distanceM: number; arc: number }[] = [];
  evacuees.forEach((_, v) => arcs.push({ from: source, to: 1 + v, capacity: people[v]!, cost: 0 }));
  shelters.forEach((_, s) => arcs.push({ from: 1 + V + s, to: sink, capacity: capacity[s]!, cost: 0 }));
  evacuees.forEach((e, v) => {
    if (people[v] === 0) return;
    shelters.forEach((sh, s) => {
      if (capacity[s] === 0) return;
      const distanceM = Math.round(measure(e.lonLat, sh.lonLat));
      pairs.push({ v, s, distanceM, arc: arcs.length });
      arcs.push({ from: 1 + v, to: 1 + V + s, capacity: people[v]!, cost: distanceM });
    });
  });
  const result = minCostFlow(sink + 1, arcs, source, sink);

  const allocations: Allocation[] = [];
  const placedBy = new Array<number>(V).fill(0);
  const allocatedByShelter = new Array<number>(S).fill(0);
  let personMetres = 0;
  for (const p of pairs) {
    const n = Math.round(result.arcFlows[p.arc]!);
    if (n <= 0) continue;
    allocations.push({ villageId: evacuees[p.v]!.id, shelterId: shelters[p.s]!.id, people: n, distanceM: p.distanceM });
    placedBy[p.v]! += n;
    allocatedByShelter[p.s]! += n;
    personMetres += n * p.distanceM;
  }
  const unplacedVillages = evacuees
    .map((e, v) => ({ villageId: e.id, name: e.name ?? String(e.id), people: people[v]! - placedBy[v]! }))
    .filter((u) => u.people > 0);
  const placed = placedBy.reduce((a, b) => a + b, 0);
  return { allocations, placed, unplaced: people.reduce((a, b) => a + b, 0) - placed, unplacedVillages, personMetres, allocatedByShelter };
}

function wholeNonNegative(v: number): number {
  const n = Math.floor(Number(v));
  return Number.isFinite(n) && n > 0 ? n : 0;
}
