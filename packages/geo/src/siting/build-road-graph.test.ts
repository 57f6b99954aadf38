import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error.js';
import { buildRoadGraph } from './build-road-graph.js';
import { haversineM } from '../analytics/haversine-m.js';
import { shortestMinutes } from './shortest-minutes.js';

const line = (coords: number[][], properties: Record<string, unknown>) => ({ type: 'Feature' as const, properties, geometry: { type: 'LineString' as const, coordinates: coords } });
const A = [115.7, 36.1];
const B = [115.71, 36.1];
const C = [115.71, 36.11];

describe('buildRoadGraph', () => {
  it('joins lines at shared vertices and takes the faster of two routes', () => {
    const g = buildRoadGraph(
      { type: 'FeatureCollection', features: [line([A, B, C], { class: 'rural' }), line([A, C], { speedKmh: 5 })] },
      { classSpeedsKmh: { rural: 60 }, defaultSpeedKmh: 30 },
    );
    expect(g.start.length - 1).toBe(3);
    const viaB = (haversineM(A[0]!, A[1]!, B[0]!, B[1]!) + haversineM(B[0]!, B[1]!, C[0]!, C[1]!)) / 1000;
    expect(shortestMinutes(g, 0)[2]).toBeCloseTo(viaB, 9);
  });

  it('keeps only the drawn direction of a one-way road', () => {
    const g = buildRoadGraph({ type: 'FeatureCollection', features: [line([A, B], { oneway: true })] }, { defaultSpeedKmh: 30 });
    expect(shortestMinutes(g, 0)[1]).toBeGreaterThan(0);
    expect(shortestMinutes(g, 1)[0]).toBe(Infinity);
  });

  it('rejects a feature that is not a line, naming it', () => {
    const bad = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: A } }] };
    expect(() => buildRoadGraph(bad as never, { defaultSpeedKmh: 30 })).toThrowError(expect.objectContaining({ field: 'impedance.network.features[0].geometry' }));
    expect(() => buildRoadGraph(bad as never, { defaultSpeedKmh: 30 })).toThrow(InputError);
  });
});
