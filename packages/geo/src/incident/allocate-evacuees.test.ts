import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { allocateEvacuees, type Evacuees, type ShelterPlaces } from './allocate-evacuees.js';

const village = (id: string, lonLat: [number, number], people: number): Evacuees => ({ id, lonLat, people });
const shelter = (id: string, lonLat: [number, number], capacity: number): ShelterPlaces => ({ id, lonLat, capacity });
/** Distances on a line: |a − b| × 1000 m, so hand checks are easy. */
const lineM = (a: readonly [number, number], b: readonly [number, number]) => Math.abs(a[0] - b[0]) * 1000;

let seed = 11;
const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

/** Every way to split each village among shelters (or leave people out): most people placed, then least person-metres. */
function bruteForce(vs: Evacuees[], ss: ShelterPlaces[]): { placed: number; personMetres: number } {
  let best = { placed: -1, personMetres: Infinity };
  const left = ss.map((s) => s.capacity);
  const go = (v: number, placed: number, cost: number) => {
    if (v === vs.length) {
      if (placed > best.placed || (placed === best.placed && cost < best.personMetres)) best = { placed, personMetres: cost };
      return;
    }
    const split = (s: number, remaining: number, placedHere: number, costHere: number) => {
      if (s === ss.length) return go(v + 1, placed + placedHere, cost + costHere);
      for (let n = 0; n <= Math.min(remaining, left[s]!); n++) {
        left[s]! -= n;
        split(s + 1, remaining - n, placedHere + n, costHere + n * Math.round(lineM(vs[v]!.lonLat, ss[s]!.lonLat)));
        left[s]! += n;
      }
    };
    split(0, vs[v]!.people, 0, 0);
  };
  go(0, 0, 0);
  return best;
}

describe('allocateEvacuees', () => {
  it('sends everyone to the nearest shelter when it has room', () => {
    const r = allocateEvacuees([village('a', [0, 0], 30)], [shelter('far', [5, 0], 100), shelter('near', [1, 0], 100)], { distanceM: lineM });
    expect(r.allocations).toEqual([{ villageId: 'a', shelterId: 'near', people: 30, distanceM: 1000 }]);
  });

  it('splits a village when the nearest shelter fills up', () => {
    const r = allocateEvacuees([village('a', [0, 0], 30)], [shelter('near', [1, 0], 20), shelter('far', [2, 0], 100)], { distanceM: lineM });
    expect(r.allocations.map((x) => [x.shelterId, x.people])).toEqual([['near', 20], ['far', 10]]);
    expect(r.personMetres).toBe(20 * 1000 + 10 * 2000);
  });

  it('gives the contested shelter to the village that would otherwise go furthest', () => {
    // a: 1 km to s1, 2 km to s2; b: 1 km to s1, 9 km to s2. Nearest-first would send b 9 km.
    const r = allocateEvacuees(
      [village('a', [0, 0], 10), village('b', [2, 0], 10)],
      [shelter('s1', [1, 0], 10), shelter('s2', [-2, 0], 10)],
      { distanceM: lineM },
    );
    expect(r.allocations.map((x) => `${x.villageId}→${x.shelterId}`).sort()).toEqual(['a→s2', 'b→s1']);
    expect(r.personMetres).toBe(10 * 2000 + 10 * 1000);
  });

  it('reports the people who cannot be placed, by village', () => {
    const r = allocateEvacuees([village('a', [0, 0], 120)], [shelter('s', [1, 0], 100)], { distanceM: lineM });
    expect([r.placed, r.unplaced]).toEqual([100, 20]);
    expect(r.unplacedVillages).toEqual([{ villageId: 'a', name: 'a', people: 20 }]);
  });

  it('places nobody when there are no safe shelters', () => {
    expect(allocateEvacuees([village('a', [0, 0], 7)], []).unplaced).toBe(7);
  });

  it('uses geodesic metres by default (0.009° of latitude ≈ 1001 m)', () => {
    const r = allocateEvacuees([village('a', [115.8, 36.1], 1)], [shelter('s', [115.8, 36.109], 1)]);
    expect(r.allocations[0]!.distanceM).toBe(1001);
  });

  it('never puts more people in a shelter than its capacity, on 300 random cases', () => {
    for (let k = 0; k < 300; k++) {
      const vs = Array.from({ length: int(1, 8) }, (_, i) => village(`v${i}`, [rnd() * 10, 0], int(0, 500)));
      const ss = Array.from({ length: int(1, 6) }, (_, i) => shelter(`s${i}`, [rnd() * 10, 0], int(0, 400)));
      const r = allocateEvacuees(vs, ss, { distanceM: lineM });
      ss.forEach((s, i) => expect(r.allocatedByShelter[i]).toBeLessThanOrEqual(s.capacity));
      vs.forEach((v) => expect(r.allocations.filter((a) => a.villageId === v.id).reduce((n, a) => n + a.people, 0)).toBeLessThanOrEqual(v.people));
      expect(r.placed).toBe(Math.min(vs.reduce((n, v) => n + v.people, 0), ss.reduce((n, s) => n + s.capacity, 0)));
    }
  });

  it('equals brute force (most placed, then least person-metres) on 150 small random cases', () => {
    for (let k = 0; k < 150; k++) {
      const vs = Array.from({ length: int(1, 3) }, (_, i) => village(`v${i}`, [int(0, 20) / 2, 0], int(0, 4)));
      const ss = Array.from({ length: int(1, 3) }, (_, i) => shelter(`s${i}`, [int(0, 20) / 2, 0], int(0, 4)));
      const r = allocateEvacuees(vs, ss, { distanceM: lineM });
      expect({ placed: r.placed, personMetres: r.personMetres }).toEqual(bruteForce(vs, ss));
    }
  });

  goldenFixtures('allocateEvacuees', (input) => {
    const place = (role: string) => input.features.filter((f: any) => f.properties.role === role);
    return allocateEvacuees(
      place('village').map((f: any) => ({ id: f.properties.id, lonLat: f.geometry.coordinates, people: f.properties.people })),
      place('shelter').map((f: any) => ({ id: f.properties.id, lonLat: f.geometry.coordinates, capacity: f.properties.capacity })),
    );
  });
});
