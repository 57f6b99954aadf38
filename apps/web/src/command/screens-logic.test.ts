import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import type { LayerSet, ShelterProps } from '../api/types.js';
import { placeNameEn } from '../map/place-names-en.js';
import { visibleWithoutOverlap } from '../map/township-labels.js';
import { implausibleShelters } from '../planning/CapacityCheck.js';
import { filterFacilities } from '../planning/FacilityList.js';
import { targetProblem } from '../planning/TargetField.js';
import { boxAround } from '../public/FinderMap.js';
import { parseShared, shareUrl } from '../public/nav-links.js';
import { parseCoordinates, searchFeatures } from './search-features.js';

const shelter = (code: string, name: string, extra: Partial<ShelterProps> = {}) =>
  ({ type: 'Feature', geometry: { type: 'Point', coordinates: [115.8, 36.1] }, properties: { code, name, address: `${name}路 1 号`, shelterClass: 'emergency', capacity: 100, effectiveAreaM2: 200, ...extra } }) as unknown as Feature<Point, ShelterProps>;

describe('command search', () => {
  it('reads coordinates in either order and with a Chinese comma', () => {
    expect(parseCoordinates('115.78,36.11')).toEqual([115.78, 36.11]);
    expect(parseCoordinates('36.11， 115.78')).toEqual([115.78, 36.11]);
    expect(parseCoordinates('SH-010')).toBeNull();
  });
  it('puts an exact code first, finds addresses and villages, and is not cut at 10', () => {
    const many = Array.from({ length: 30 }, (_, i) => shelter(`SH-${String(i).padStart(3, '0')}`, `示例${i}避难场所`));
    const layers = { shelters: { type: 'FeatureCollection', features: [...many, shelter('SH-010', '甲')] } } as unknown as Partial<LayerSet>;
    expect(searchFeatures('SH-010', layers)[0]!.properties.code).toBe('SH-010');
    expect(searchFeatures('示例', layers).length).toBe(30);
    expect(searchFeatures('甲路', layers)[0]!.name).toBe('甲');
    expect(searchFeatures('刘园村', {}, 200, [{ name: '刘园村', code: 'V1', lonLat: [1, 2] }])[0]!.layer).toBe('demand-points');
  });
});

describe('maps', () => {
  it('romanises township names and leaves unknown names alone', () => {
    expect(placeNameEn('十五里园镇')).toBe('Shiwuliyuan Town');
    expect(placeNameEn('博济桥街道')).toBe('Bojiqiao Subdistrict');
    expect(placeNameEn('某某村')).toBe('某某村');
  });
  it('hides a label that overlaps one placed before it', () => {
    expect(visibleWithoutOverlap([{ x: 0, y: 0, w: 60, h: 16 }, { x: 30, y: 5, w: 60, h: 16 }, { x: 200, y: 0, w: 60, h: 16 }])).toEqual([true, false, true]);
  });
  it('frames a box centred on the user', () => {
    const [[w, s], [e, n]] = boxAround({ lon: 115.8, lat: 36.1 }, [{ lon: 115.81, lat: 36.09 }]);
    expect((w + e) / 2).toBeCloseTo(115.8, 9);
    expect((s + n) / 2).toBeCloseTo(36.1, 9);
  });
  it('round-trips a share link', () => {
    const url = shareUrl('https://x', 36.1, 115.8, '公园');
    expect(parseShared(new URL(url).search)).toEqual({ lon: 115.8, lat: 36.1, label: '公园' });
  });
});

describe('planning checks', () => {
  it('flags a shelter whose capacity leaves under 1 m² per person (SH-008: 4,740 people on 2,370 m²)', () => {
    const bad = implausibleShelters([shelter('SH-008', 'a', { capacity: 4740, effectiveAreaM2: 2370 }), shelter('SH-001', 'b', { capacity: 100, effectiveAreaM2: 500 })]);
    expect(bad.map((b) => [b.code, b.perPersonM2])).toEqual([['SH-008', 0.5]]);
  });
  it('says why a target is refused', () => {
    expect(targetProblem('abc')).toBe('plan.targetNotNumber');
    expect(targetProblem('-1')).toBe('plan.targetRange');
    expect(targetProblem('2.5')).toBeNull();
  });
  it('filters facilities by name, code or address', () => {
    const list = [shelter('SH-002', '乙'), shelter('SH-001', '甲')] as unknown as Feature<Point, Record<string, unknown>>[];
    expect(filterFacilities(list, '').map((f) => f.properties.code)).toEqual(['SH-001', 'SH-002']);
    expect(filterFacilities(list, '乙路').map((f) => f.properties.code)).toEqual(['SH-002']);
  });
});
