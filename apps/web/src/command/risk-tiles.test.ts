import { describe, expect, it } from 'vitest';
import { revisionOf, riskTileLayer, riskTileUrl, tileFeatureProperties } from './risk-tiles.js';

describe('risk points from vector tiles', () => {
  it('puts the data revision into the tile URL, a new one for each new data object', () => {
    expect(riskTileUrl('http://h', 3)).toBe('http://h/tiles/risk-points/{z}/{x}/{y}.mvt?v=3');
    const a = { type: 'FeatureCollection' };
    const b = { type: 'FeatureCollection' };
    expect(revisionOf(a)).toBe(revisionOf(a));
    expect(revisionOf(b)).toBeGreaterThan(revisionOf(a));
    expect(revisionOf(undefined)).toBe(0);
  });

  it('opens the full record of a clicked tile feature, and says how many points a thinned one stands for', () => {
    const loaded = [{ id: 7, properties: { name: '示例风险点', level: 2, hazardTypes: ['fire'] } }];
    expect(tileFeatureProperties({ id: 7, properties: { name: '示例风险点', level: 2, count: 1 } }, loaded)).toEqual({ name: '示例风险点', level: 2, hazardTypes: ['fire'], id: 7 });
    expect(tileFeatureProperties({ id: 9, properties: { name: 'x', count: 12 } }, loaded)).toEqual({ name: 'x', id: 9, clusterCount: 12 });
  });

  it('draws nothing until shown, from the MVT layer named by the layer id', () => {
    const l = riskTileLayer({ 1: '#d7191c', 2: '#f07c1b', 3: '#f5d327', 4: '#2c7bb6' }) as { 'source-layer': string; filter: unknown };
    expect(l['source-layer']).toBe('risk-points');
    expect(l.filter).toEqual(['==', ['get', 'level'], -1]);
  });
});
