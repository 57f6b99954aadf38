import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { LAYER_FIELDS, LAYER_IDS, LAYER_SCHEMAS, editableFields, enumeration } from '../src/index.js';

describe('the per-layer feature schemas and the domain vocabulary', () => {
  it('name the same editable fields and the same required ones for every layer', () => {
    for (const layer of LAYER_IDS) {
      const shape = LAYER_SCHEMAS[layer].properties.shape;
      expect(editableFields(layer).map((f) => f.key).filter((k) => k !== 'version').sort(), layer).toEqual(Object.keys(shape).sort());
      expect(LAYER_FIELDS[layer].filter((f) => f.required).map((f) => f.key).sort(), layer).toEqual([...LAYER_SCHEMAS[layer].required].sort());
    }
  });

  it('accept every value of an enumerated field and refuse others', () => {
    for (const layer of LAYER_IDS) {
      const shape = LAYER_SCHEMAS[layer].properties.shape;
      for (const f of editableFields(layer).filter((x) => x.kind === 'enum' || (x.kind === 'list' && !x.open && x.enum))) {
        const schema = shape[f.key] as z.ZodType;
        const wrap = (v: unknown) => (f.kind === 'list' ? [v] : v);
        for (const v of enumeration(f.enum!).values) expect(schema.safeParse(wrap(v)).success, `${layer}.${f.key}=${v}`).toBe(true);
        expect(schema.safeParse(wrap('no-such-value')).success, `${layer}.${f.key}`).toBe(false);
      }
    }
  });
});
