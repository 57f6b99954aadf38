import { describe, expect, it } from 'vitest';
import { LAYER_IDS, LAYER_SCHEMAS, crossFieldIssues, enumeration, propertyJsonSchema } from '../src/index.js';

describe('what is derived from the per-layer schemas', () => {
  it('gives every editable property a JSON Schema with one type, its enumeration and its description, never null', () => {
    for (const layer of LAYER_IDS) {
      // secondary geometries (a township's seat, a shelter's site, a plant's boundary) are published as geometries, not from here
      for (const key of Object.keys(LAYER_SCHEMAS[layer].properties.shape).filter((k) => !['seat', 'site', 'boundary'].includes(k))) {
        const s = propertyJsonSchema(layer, key)!;
        expect(typeof s.type, `${layer}.${key}`).toBe('string');
        expect(JSON.stringify(s), `${layer}.${key}`).not.toMatch(/"null"|\$schema/);
      }
    }
    expect(propertyJsonSchema('shelters', 'shelterClass')).toEqual({ type: 'string', enum: enumeration('shelterClasses').values });
    expect(propertyJsonSchema('hidden-hazards', 'fundsYuan')).toMatchObject({ type: 'number', minimum: 0, description: 'rectification funds, yuan' });
    expect(propertyJsonSchema('hidden-hazards', 'deadline')).toMatchObject({ type: 'string', format: 'date' });
    expect(propertyJsonSchema('shelters', 'version')).toBeUndefined();
  });

  it('says effective area over total area for shelters and candidate sites, and nothing for other layers', () => {
    expect(crossFieldIssues('shelters', { totalAreaM2: 100, effectiveAreaM2: 100 })).toEqual([]);
    expect(crossFieldIssues('shelters', { totalAreaM2: 100, effectiveAreaM2: 100.5 })).toEqual([{ field: 'effectiveAreaM2', rule: 'effectiveOverTotal', bound: 'totalAreaM2', effectiveAreaM2: 100.5, boundM2: 100 }]);
    expect(crossFieldIssues('candidate-sites', { areaM2: 10, effectiveAreaM2: 20 })).toMatchObject([{ bound: 'areaM2' }]);
    expect(crossFieldIssues('shelters', { effectiveAreaM2: 20 })).toEqual([]);
    expect(crossFieldIssues('warehouses', { totalAreaM2: 1, effectiveAreaM2: 20 })).toEqual([]);
  });
});
