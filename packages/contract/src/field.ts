import type { Label } from './enumeration.js';
import type { EnumId } from './enums.js';

/** Units of measure a field is given in; `symbol` goes in template headings, e.g. 总面积（m²）. */
export const UNITS = {
  m2: { zh: '平方米', en: 'square metres', symbol: 'm²' },
  m: { zh: '米', en: 'metres', symbol: 'm' },
  people: { zh: '人', en: 'people', symbol: '人' },
  minutes: { zh: '分钟', en: 'minutes', symbol: 'min' },
  tonnes: { zh: '吨', en: 'tonnes', symbol: 't' },
  vehicles: { zh: '辆', en: 'vehicles', symbol: '辆' },
  degrees: { zh: '度', en: 'degrees', symbol: '°' },
} as const satisfies Record<string, Label & { symbol: string }>;
export type UnitId = keyof typeof UNITS;

/**
 * How a field's value is written: `list` is several values (JSON array, or split at ; ； 、 |),
 * `json` an object or array of objects, `point`/`polygon` a geometry of its own (not the feature's position).
 */
export type FieldKind = 'text' | 'integer' | 'number' | 'boolean' | 'enum' | 'list' | 'json' | 'date' | 'point' | 'polygon';

/** One property of a layer's features, as the data model, the forms, the import and the templates see it. */
export interface FieldSpec {
  /** The GeoJSON property name (camelCase); the database column is its snake_case. */
  key: string;
  label: Label;
  kind: FieldKind;
  unit?: UnitId;
  /** The values an `enum` field takes, or each item of a `list` field takes (suggested only where `open`). */
  enum?: EnumId;
  /** A `list` whose items may be other words than the enumeration's (the enumeration is a suggestion). */
  open?: boolean;
  /** Needed on create (the rest take database defaults). */
  required?: boolean;
  /** Owned by the server: carried in exports, read past on import, never written from a file. */
  readOnly?: boolean;
  /** Further headings a file may use for this field (besides key, snake_case, both labels, label with unit). */
  synonyms?: readonly string[];
  /** The rule in words, for 填表说明 and for messages. */
  rule?: Label;
}

type Extra = Omit<FieldSpec, 'key' | 'label' | 'kind'>;

/** A field spec in one line: `field('capacity', '可容纳人数', 'Capacity', 'integer', { unit: 'people' })`. */
export function field(key: string, zh: string, en: string, kind: FieldKind, extra: Extra = {}): FieldSpec {
  return { key, label: { zh, en }, kind, ...extra };
}
