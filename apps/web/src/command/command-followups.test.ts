import { describe, expect, it } from 'vitest';
import { baseStyle } from '../map/base-style.js';
import { mercatorPoints, pointRadiusPx, rgb } from '../map/dense-points-math.js';
import { auditQuery, changedFields } from './audit-diff.js';

describe('changedFields', () => {
  it('lists the properties whose value changed, leaving out version and timestamps', () => {
    const before = { properties: { status: 'open', capacity: 10, version: 1, updatedAt: 'a' } };
    const after = { properties: { status: 'closed', capacity: 10, version: 2, updatedAt: 'b' } };
    expect(changedFields({ before, after })).toEqual([{ key: 'status', before: 'open', after: 'closed', beforeRaw: 'open', afterRaw: 'closed' }]);
  });
  it('treats a created record as every field going from nothing to its value', () => {
    expect(changedFields({ before: null, after: { name: 'x' } })).toEqual([{ key: 'name', before: '—', after: 'x', beforeRaw: undefined, afterRaw: 'x' }]);
  });
  it('builds the audit query for one feature', () => expect(auditQuery('shelters', '3')).toEqual({ layer: 'shelters', id: 3, limit: 50 }));
});

describe('baseStyle', () => {
  it('makes no external request without a configured base map, and greys the neighbouring counties', () => {
    const s = baseStyle(null, { baseMap: null });
    expect(Object.values(s.sources).every((x) => x.type === 'geojson')).toBe(true);
    expect(s.layers.map((l) => l.id)).toEqual(['background', 'context-fill', 'context-line', 'townships-fill', 'townships-line']);
  });
  it('adds the raster base with its attribution and the annotation overlay above it', () => {
    const s = baseStyle(null, { baseMap: { type: 'raster', tiles: ['https://t/{z}/{x}/{y}'], overlay: ['https://a/{z}/{x}/{y}'], tileSize: 256, maxzoom: 18, attribution: '© 天地图' } });
    expect(s.layers.slice(1, 3).map((l) => l.id)).toEqual(['site-base', 'site-overlay']);
    expect(s.sources['site-base']).toMatchObject({ attribution: '© 天地图' });
  });
});

describe('dense point maths', () => {
  it('projects lon/lat to web mercator 0..1 with the minimum as origin', () => {
    const { merc, origin } = mercatorPoints([[0, 0], [180, 0]]);
    expect([...merc]).toEqual([0.5, 0.5, 1, 0.5]);
    expect(origin).toEqual([0.5, 0.5]);
  });
  it('grows points from 4 px at zoom 8 to 8 px at zoom 14 and clamps outside', () => {
    expect([pointRadiusPx(5), pointRadiusPx(11), pointRadiusPx(18)]).toEqual([4, 6, 8]);
  });
  it('reads hex colours', () => expect(rgb('#ff0080')).toEqual([1, 0, 128 / 255]));
});
