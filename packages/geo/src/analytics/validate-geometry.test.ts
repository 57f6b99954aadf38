import * as turf from '@turf/turf';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { validateGeometry } from './validate-geometry.js';

const county = turf.bboxPolygon([115.6, 35.9, 116.1, 36.3]);
const codeOf = (g: unknown, opts = {}) => {
  const r = validateGeometry(g as Geometry, opts);
  return r.valid ? 'valid' : r.code;
};

describe('validateGeometry', () => {
  it('accepts a point in Yanggu', () => {
    expect(validateGeometry({ type: 'Point', coordinates: [115.79, 36.11] })).toEqual({ valid: true });
  });
  it('flags [lat, lon] entered the wrong way round', () => {
    expect(codeOf({ type: 'Point', coordinates: [36.11, 115.79] })).toBe('swapped-lon-lat');
  });
  it('rejects a latitude of −95', () => {
    expect(codeOf({ type: 'Point', coordinates: [10, -95] })).toBe('out-of-range');
  });
  it('rejects a longitude of 200', () => {
    expect(codeOf({ type: 'Point', coordinates: [200, 10] })).toBe('out-of-range');
  });
  it('rejects non-numeric coordinates', () => {
    expect(codeOf({ type: 'Point', coordinates: ['115.8', 36.1] })).toBe('invalid-coordinates');
  });
  it('rejects an unknown geometry type', () => {
    expect(codeOf({ type: 'Circle', coordinates: [115.8, 36.1] })).toBe('unsupported-type');
  });
  it('rejects an empty multipoint', () => {
    expect(codeOf({ type: 'MultiPoint', coordinates: [] })).toBe('empty');
  });
  it('rejects a polygon ring that is not closed', () => {
    expect(codeOf({ type: 'Polygon', coordinates: [[[115.8, 36.1], [115.81, 36.1], [115.81, 36.11], [115.8, 36.11]]] })).toBe('unclosed-ring');
  });
  it('rejects a ring whose corners lie on a line', () => {
    expect(codeOf({ type: 'Polygon', coordinates: [[[115.8, 36.1], [115.81, 36.1], [115.82, 36.1], [115.8, 36.1]]] })).toBe('degenerate');
  });
  it('rejects a bow-tie polygon as self-intersecting', () => {
    expect(codeOf({ type: 'Polygon', coordinates: [[[115.8, 36.1], [115.81, 36.11], [115.81, 36.1], [115.8, 36.11], [115.8, 36.1]]] })).toBe('self-intersection');
  });
  it('rejects a line with a single distinct position', () => {
    expect(codeOf({ type: 'LineString', coordinates: [[115.8, 36.1], [115.8, 36.1]] })).toBe('degenerate');
  });
  it('rejects a point outside the county when a county is given', () => {
    expect(codeOf({ type: 'Point', coordinates: [116.5, 36.1] }, { county })).toBe('outside-county');
  });
  it('accepts a point just outside within the tolerance (0.001° ≈ 90 m, tolerance 100 m)', () => {
    expect(codeOf({ type: 'Point', coordinates: [116.101, 36.1] }, { county, toleranceM: 100 })).toBe('valid');
  });
  it('accepts a position repeated in a row (it is no corner, so no crossing)', () => {
    expect(codeOf({ type: 'Polygon', coordinates: [[[115.8, 36.1], [115.81, 36.1], [115.81, 36.1], [115.81, 36.11], [115.8, 36.11], [115.8, 36.1]]] })).toBe('valid');
  });
  it('accepts a valid 100,000-vertex star and names the crossing once two of its tips are swapped', () => {
    const n = 100_000;
    const ring = Array.from({ length: n }, (_, i) => [115.79 + (i % 2 ? 0.01 : 0.003) * Math.cos((2 * Math.PI * i) / n), 36.11 + (i % 2 ? 0.01 : 0.003) * Math.sin((2 * Math.PI * i) / n)]);
    expect(validateGeometry({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] })).toEqual({ valid: true });
    [ring[1001], ring[1003]] = [ring[1003]!, ring[1001]!];
    expect(codeOf({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] })).toBe('self-intersection');
  });
  it('says "at least" when it stops counting crossings', () => {
    // a zigzag of 1,200 edges closed by one edge through all of them
    const ring = [[115.8, 36.1]];
    for (let i = 1; i <= 1200; i++) ring.push([115.8 + i * 1e-5, 36.1 + (i % 2 ? 0.02 : 0)]);
    ring.push([115.8 + 1200 * 1e-5, 36.11], [115.8 - 1e-5, 36.11], [115.8, 36.1]);
    const r = validateGeometry({ type: 'Polygon', coordinates: [ring] });
    expect(r.valid ? '' : r.reason).toBe('the boundary crosses itself near [115.800005, 36.110000] (at least 1000 crossings)');
  });
  it('names the problem in a sentence', () => {
    const r = validateGeometry({ type: 'Point', coordinates: [10, -95] });
    expect(r.valid ? '' : r.reason).toBe('latitude -95 is outside −90…90');
  });
});

goldenFixtures('validateGeometry', (input: { cases: Geometry[] }) => input.cases.map((g) => validateGeometry(g)));
