import { describe, expect, it } from 'vitest';
import { LAYER_IDS as GEO_LAYER_IDS } from '@riskmap/geo';
import { domainDefaults } from '@riskmap/config';
import { ENUMERATIONS, LAYER_FIELDS, LAYER_IDS, UNITS, enumLabel, enumValueOf, enumeration, type EnumId } from '../src/index.js';

const ids = Object.keys(ENUMERATIONS) as EnumId[];

describe('the domain vocabulary', () => {
  it('gives every enumerated value a Chinese and an English label, and nothing else', () => {
    for (const id of ids) {
      const e = enumeration(id);
      expect(e.label.zh.trim(), id).not.toBe('');
      expect(e.label.en.trim(), id).not.toBe('');
      expect(Object.keys(e.labels).sort(), id).toEqual(e.values.map(String).sort());
      for (const v of e.values) {
        const l = e.labels[v];
        expect(l?.zh.trim(), `${id}.${v} zh`).toBeTruthy();
        expect(l?.en.trim(), `${id}.${v} en`).toBeTruthy();
        expect(/[\u4e00-\u9fff]/.test(l!.zh), `${id}.${v} zh is Chinese`).toBe(true);
      }
      expect(new Set(e.values).size, `${id} values are distinct`).toBe(e.values.length);
    }
  });

  it('has schemas that accept exactly the values', () => {
    for (const id of ids) {
      const e = enumeration(id);
      for (const v of e.values) expect(e.schema.safeParse(v).success, `${id}.${v}`).toBe(true);
      expect(e.schema.safeParse('not-a-value').success, id).toBe(false);
    }
  });

  it('maps each value back from its code, both labels and synonyms, without two values sharing a word', () => {
    for (const id of ids) {
      const e = enumeration(id);
      for (const v of e.values) {
        expect(enumValueOf(id, String(v))).toBe(v);
        expect(enumValueOf(id, e.labels[v].zh), `${id} ${e.labels[v].zh}`).toBe(v);
        expect(enumValueOf(id, e.labels[v].en.toUpperCase()), `${id} ${e.labels[v].en}`).toBe(v);
        for (const s of e.synonyms[v] ?? []) expect(enumValueOf(id, s), `${id} ${s}`).toBe(v);
      }
    }
    expect(enumValueOf('shelterStatuses', '规划中')).toBe('planned');
    expect(enumValueOf('siteTypes', ' 学 校 ')).toBe('school');
    expect(enumValueOf('booleans', '否')).toBe('false');
    expect(enumValueOf('shelterClasses', '避难所')).toBeUndefined();
  });

  it('uses the risk-level labels of the domain configuration', () => {
    for (const l of [1, 2, 3, 4] as const) {
      expect(enumLabel('riskLevels', l, 'zh-CN')).toBe(domainDefaults.riskLevels[l].zh);
      expect(enumLabel('riskLevels', l, 'en')).toBe(domainDefaults.riskLevels[l].en);
    }
  });

  it('covers the layers of the data model, each field labelled in both languages, units and enumerations known', () => {
    expect([...LAYER_IDS]).toEqual([...GEO_LAYER_IDS]);
    expect(Object.keys(LAYER_FIELDS).sort()).toEqual([...LAYER_IDS].sort());
    for (const layer of LAYER_IDS) {
      const keys = LAYER_FIELDS[layer].map((f) => f.key);
      expect(new Set(keys).size, `${layer} keys are distinct`).toBe(keys.length);
      for (const f of LAYER_FIELDS[layer]) {
        expect(f.label.zh && f.label.en, `${layer}.${f.key}`).toBeTruthy();
        if (f.unit) expect(UNITS[f.unit], `${layer}.${f.key} unit`).toBeDefined();
        if (f.kind === 'enum') expect(f.enum && ENUMERATIONS[f.enum], `${layer}.${f.key} enum`).toBeTruthy();
      }
    }
  });
});
