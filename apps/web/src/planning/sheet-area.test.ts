import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { sheetArea, sheetPerCapita, sheetShelters } from './sheet-area.js';
import type { PerCapitaAnswer, PlanRow } from './per-capita-logic.js';

const square = (x: number, y: number): Geometry => ({ type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] });
const townships: FeatureCollection<Geometry, { code: string; name: string }> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: square(0, 0), properties: { code: 'A', name: '甲镇' } },
    { type: 'Feature', geometry: square(2, 0), properties: { code: 'B', name: '乙街道' } },
  ],
};
const row = (code: string, population: number): PlanRow => ({ townshipCode: code, name: code, population } as unknown as PlanRow);
const answer = { townships: [row('A', 10), row('B', 20)], countyTown: row('ct', 20), county: row('county', 30) } as unknown as PerCapitaAnswer;

describe('the planning sheet area', () => {
  it('is the county (every township) by default or for an unknown code, else the township outline', () => {
    expect(sheetArea(townships, null)).toEqual({ townshipCode: null, name: null, bounds: [0, 0, 3, 1] });
    expect(sheetArea(townships, 'Z')).toEqual({ townshipCode: null, name: null, bounds: [0, 0, 3, 1] });
    expect(sheetArea(townships, 'B')).toEqual({ townshipCode: 'B', name: '乙街道', bounds: [2, 0, 3, 1] });
  });

  it("keeps the township's own row of the per-capita answer and the county total, computing nothing", () => {
    const urban = new Set(['B']);
    expect(sheetPerCapita(answer, sheetArea(townships, null), urban)).toBe(answer);
    const a = sheetPerCapita(answer, sheetArea(townships, 'A'), urban);
    expect(a.townships).toEqual([answer.townships[0]]);
    expect(a.county).toBe(answer.county);
    expect(a.countyTown).toBeNull();
    // An urban township is part of the county town: its row stays.
    expect(sheetPerCapita(answer, sheetArea(townships, 'B'), urban).countyTown).toBe(answer.countyTown);
  });

  it('lists the shelters of the township only', () => {
    const shelters = [{ properties: { townshipCode: 'A' } }, { properties: { townshipCode: 'B' } }, { properties: { townshipCode: null } }];
    expect(sheetShelters(shelters, sheetArea(townships, 'A'))).toEqual([shelters[0]]);
    expect(sheetShelters(shelters, sheetArea(townships, null))).toHaveLength(3);
  });
});
