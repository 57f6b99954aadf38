import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { findRingCrossings } from './find-ring-crossings.js';
import { seededRandom as seeded } from '../siting/seeded-random.js'; // every run draws the same polygons

/** A closed ring of `n` corners drawn by `point`, with no two consecutive corners equal. */
function randomRing(rnd: () => number, n: number, point: () => Position): Position[] {
  const ring: Position[] = [];
  while (ring.length < n) {
    const p = point();
    const last = ring[ring.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    if (ring.length === n - 1 && ring[0]![0] === p[0] && ring[0]![1] === p[1]) continue;
    ring.push(p);
  }
  return [...ring, ring[0]!];
}

/**
 * Brute force on small integer coordinates, where plain arithmetic is exact: every pair of edges
 * that are not consecutive along a ring and share a point. `turf` is what turf.kinks counts of
 * them: it skips parallel pairs (a zero denominator) and, across two rings, counts a pair of edges
 * with the same index twice (it walks both orders).
 */
function bruteForce(rings: Position[][]): { count: number; turf: number } {
  const sign = (a: Position, b: Position, c: Position) => Math.sign((b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!));
  const onSeg = (p: Position, a: Position, b: Position) => sign(a, b, p) === 0
    && Math.min(a[0]!, b[0]!) <= p[0]! && p[0]! <= Math.max(a[0]!, b[0]!) && Math.min(a[1]!, b[1]!) <= p[1]! && p[1]! <= Math.max(a[1]!, b[1]!);
  const meet = (a: Position, b: Position, c: Position, d: Position) =>
    (sign(a, b, c) * sign(a, b, d) < 0 && sign(c, d, a) * sign(c, d, b) < 0) || onSeg(c, a, b) || onSeg(d, a, b) || onSeg(a, c, d) || onSeg(b, c, d);
  const parallel = (a: Position, b: Position, c: Position, d: Position) => (b[0]! - a[0]!) * (d[1]! - c[1]!) - (b[1]! - a[1]!) * (d[0]! - c[0]!) === 0;
  let count = 0;
  let turfCount = 0;
  for (let r = 0; r < rings.length; r++) {
    for (let q = r; q < rings.length; q++) {
      const [A, B] = [rings[r]!, rings[q]!];
      for (let i = 0; i + 1 < A.length; i++) {
        for (let k = r === q ? i + 1 : 0; k + 1 < B.length; k++) {
          if (r === q && (k - i === 1 || (i === 0 && k === A.length - 2))) continue;
          if (!meet(A[i]!, A[i + 1]!, B[k]!, B[k + 1]!)) continue;
          count += 1;
          if (!parallel(A[i]!, A[i + 1]!, B[k]!, B[k + 1]!)) turfCount += r !== q && i === k ? 2 : 1;
        }
      }
    }
  }
  return { count, turf: turfCount };
}

const kinksOf = (rings: Position[][]) => turf.kinks(turf.polygon(rings, {}, { }) as never).features.length;
const grid = (rnd: () => number, size: number) => () => [Math.floor(rnd() * size), Math.floor(rnd() * size)];

describe('findRingCrossings', () => {
  it('agrees with brute force and with turf.kinks on 400 random rings of 3–9 corners on a small grid (touches and collinear edges included)', () => {
    const rnd = seeded(11);
    let crossed = 0;
    for (let c = 0; c < 400; c++) {
      const ring = randomRing(rnd, 3 + Math.floor(rnd() * 7), grid(rnd, 6));
      const found = findRingCrossings([ring]);
      const truth = bruteForce([ring]);
      expect({ c, count: found.count, atLeast: found.atLeast }).toEqual({ c, count: truth.count, atLeast: false });
      expect(found.first !== null).toBe(truth.count > 0);
      expect(kinksOf([ring])).toBe(truth.turf);
      if (truth.count > 0) crossed += 1;
    }
    expect(crossed).toBeGreaterThan(100);
    expect(crossed).toBeLessThan(400);
  });

  it('agrees with brute force and turf.kinks on 300 random polygons with holes on a grid (rings touching and crossing each other)', () => {
    const rnd = seeded(12);
    for (let c = 0; c < 300; c++) {
      const rings = Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => randomRing(rnd, 3 + Math.floor(rnd() * 4), grid(rnd, 8)));
      const found = findRingCrossings(rings);
      const truth = bruteForce(rings);
      expect({ c, count: found.count }).toEqual({ c, count: truth.count });
      expect(kinksOf(rings)).toBe(truth.turf);
    }
  });

  it('agrees with brute force on 300 nearly simple rings of 10–60 corners (star-shaped, rounded to a grid: touches, spikes, collinear edges), with and without a hole', () => {
    const rnd = seeded(14);
    let valid = 0;
    for (let c = 0; c < 300; c++) {
      const n = 10 + Math.floor(rnd() * 51);
      const angles = Array.from({ length: n }, () => rnd() * 2 * Math.PI).sort((a, b) => a - b);
      const outer = angles.map((a) => { const r = 4 + rnd() * 16; return [Math.round(r * Math.cos(a)), Math.round(r * Math.sin(a))]; })
        .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
      if (outer.length > 1 && outer[0]![0] === outer[outer.length - 1]![0] && outer[0]![1] === outer[outer.length - 1]![1]) outer.pop();
      if (outer.length < 3) continue;
      const rings = [[...outer, outer[0]!]];
      if (rnd() < 0.5) rings.push([[-2, -2], [-2, 2], [Math.round(rnd() * 6) - 1, 2], [2, -2], [-2, -2]]);
      const found = findRingCrossings(rings);
      const truth = bruteForce(rings);
      expect({ c, count: found.count }).toEqual({ c, count: truth.count });
      if (truth.count === 0) valid += 1;
    }
    expect(valid).toBeGreaterThan(100);
  });

  it('agrees with turf.kinks on 300 random rings of lon/lat doubles (general position, where turf is exact)', () => {
    const rnd = seeded(13);
    for (let c = 0; c < 300; c++) {
      const ring = randomRing(rnd, 4 + Math.floor(rnd() * 9), () => [115.7 + rnd() * 0.2, 36.0 + rnd() * 0.2]);
      const found = findRingCrossings([ring]);
      expect({ c, count: found.count }).toEqual({ c, count: kinksOf([ring]) });
    }
  });

  const circle = (n: number, radius: (i: number) => number): Position[] => {
    const ring: Position[] = [];
    for (let i = 0; i < n; i++) ring.push([115.79 + radius(i) * Math.cos((2 * Math.PI * i) / n), 36.11 + radius(i) * Math.sin((2 * Math.PI * i) / n)]);
    return [...ring, ring[0]!];
  };
  for (const n of [20_000, 100_000]) {
    it(`finds no crossing in a valid ${n}-corner circle and star`, () => {
      expect(findRingCrossings([circle(n, () => 0.01)])).toEqual({ count: 0, atLeast: false, first: null });
      expect(findRingCrossings([circle(n, (i) => (i % 2 ? 0.01 : 0.003))])).toEqual({ count: 0, atLeast: false, first: null });
    });
    it(`finds the crossing made by swapping two corners of a ${n}-corner circle, and of a star`, () => {
      const ring = circle(n, () => 0.01);
      const k = Math.floor(n / 3);
      [ring[k], ring[k + 1]] = [ring[k + 1]!, ring[k]!];
      const found = findRingCrossings([ring]);
      expect({ count: found.count, atLeast: found.atLeast }).toEqual({ count: 1, atLeast: false });
      expect(Math.hypot(found.first![0] - ring[k]![0]!, found.first![1] - ring[k]![1]!)).toBeLessThan(1e-5);
      // two spike tips swapped: three crossings (turf.kinks finds three on the same star of 1,000
      // corners); in a star, many long edges share every x, so the count may stop early, as a lower bound
      const star = circle(n, (i) => (i % 2 ? 0.01 : 0.003));
      const tip = 2 * Math.floor(n / 6) + 1;
      [star[tip], star[tip + 2]] = [star[tip + 2]!, star[tip]!];
      const spiky = findRingCrossings([star]);
      expect(spiky.atLeast ? spiky.count >= 1 && spiky.count <= 3 : spiky.count === 3).toBe(true);
      expect(Math.hypot(spiky.first![0] - star[tip + 1]![0]!, spiky.first![1] - star[tip + 1]![1]!)).toBeLessThan(0.005);
    });
  }

  it('counts the three crossings of two swapped spike tips in a 1,000-corner star, as turf.kinks does', () => {
    const star = circle(1000, (i) => (i % 2 ? 0.01 : 0.003));
    [star[333], star[335]] = [star[335]!, star[333]!];
    expect(findRingCrossings([star])).toMatchObject({ count: 3, atLeast: false });
    expect(kinksOf([star])).toBe(3);
  });

  it('stops counting at the limit and says so', () => {
    // a zigzag of 600 teeth closed by one edge through all of them: 1,200 crossings
    const ring: Position[] = [[0, 0]];
    for (let i = 1; i <= 1200; i++) ring.push([i, i % 2 ? 2 : 0]);
    ring.push([1200, 1], [-1, 1], [0, 0]);
    expect(findRingCrossings([ring])).toMatchObject({ count: 1000, atLeast: true });
    expect(findRingCrossings([ring], { maxCount: 5000, testsPerEdge: 64, baseTests: 1 << 20 })).toMatchObject({ count: 1200, atLeast: false });
    expect(findRingCrossings([ring], { maxCount: 5000, testsPerEdge: 0, baseTests: 10 })).toMatchObject({ atLeast: true, first: [0.5, 1] });
  });
});

goldenFixtures('findRingCrossings', (input: { cases: { name: string; rings: Position[][] }[] }) =>
  input.cases.map(({ name, rings }) => ({ name, ...findRingCrossings(rings) })));
