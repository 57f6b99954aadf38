/** Reading the vocabulary: the label of a value or field in a locale, and the value a word of a file stands for. */
import { labelIn, type Locale } from './enumeration.js';
import { ENUMERATIONS, enumeration, type EnumId } from './enums.js';
import { LAYER_FIELDS } from './fields.js';
import type { FieldSpec } from './field.js';
import type { LAYER_IDS } from './enums-facilities.js';

type LayerId = (typeof LAYER_IDS)[number];

/** Lower case, no spaces (half- or full-width), full-width letters and digits folded to ASCII. */
export function normalizeWord(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

const valueIndexes = new Map<EnumId, Map<string, string | number>>();

function valueIndex(id: EnumId): Map<string, string | number> {
  let index = valueIndexes.get(id);
  if (index) return index;
  index = new Map();
  const e = enumeration(id);
  const add = (word: string, v: string | number) => {
    const k = normalizeWord(word);
    if (k && !index!.has(k)) index!.set(k, v);
  };
  for (const v of e.values) add(String(v), v);
  for (const v of e.values) add(e.labels[v]?.zh ?? '', v);
  for (const v of e.values) add(e.labels[v]?.en ?? '', v);
  for (const v of e.values) for (const s of e.synonyms[v] ?? []) add(s, v);
  valueIndexes.set(id, index);
  return index;
}

/**
 * The value a word stands for in an enumeration: its code, its Chinese or English label, or a synonym
 * (any case, spaces and full-width forms ignored); undefined when it is none of them.
 * @example enumValueOf('shelterStatuses', '规划中') // 'planned'
 */
export function enumValueOf(id: EnumId, word: string | number): string | number | undefined {
  return valueIndex(id).get(normalizeWord(String(word)));
}

/** The label of an enumerated value in a locale (the value itself when it is not one of the enumeration's). */
export function enumLabel(id: EnumId, value: string | number, locale: Locale | string = 'zh-CN'): string {
  const e = enumeration(id);
  const l = (e.labels as Record<string | number, { zh: string; en: string } | undefined>)[value];
  return l ? labelIn(l, locale) : String(value);
}

/** Every value of an enumeration with its label in a locale (for drop-down lists). */
export function enumOptions(id: EnumId, locale: Locale | string = 'zh-CN'): { value: string | number; label: string }[] {
  const e = ENUMERATIONS[id] as unknown as { values: readonly (string | number)[] };
  return e.values.map((value) => ({ value, label: enumLabel(id, value, locale) }));
}

/** A layer's field by key. */
export function fieldSpec(layer: LayerId, key: string): FieldSpec | undefined {
  return LAYER_FIELDS[layer].find((f) => f.key === key);
}

/** The label of a layer's field in a locale (the key itself when the layer has no such field). */
export function fieldLabelOf(layer: LayerId, key: string, locale: Locale | string = 'zh-CN'): string {
  const f = fieldSpec(layer, key);
  return f ? labelIn(f.label, locale) : key;
}
