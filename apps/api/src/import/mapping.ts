import { LAYER_FIELDS, POSITION_FIELDS, UNITS, normalizeWord, type FieldSpec } from '@riskmap/contract';
import type { LayerId } from '@riskmap/geo';

/** Where a column goes: a property key, `lon`/`lat`/`geometry` (the position), `version` (update-by-code), or nowhere. */
export type MappingHow = 'key' | 'label' | 'synonym' | 'user' | 'server' | 'duplicate' | 'none';

export interface ColumnMatch {
  /** The heading as written in the file. */
  column: string;
  /** The property (or lon/lat/geometry/version) the column is read into; null when it is left out. */
  field: string | null;
  /** How the column was matched: its key, a label, a synonym, the user's mapping; or why it is left out. */
  how: MappingHow;
}

/** A user's mapping: column heading → field (or null / '' to leave the column out). */
export type UserMapping = Record<string, string | null>;

const POSITION_KEYS = ['lon', 'lat', 'geometry'] as const;

/** Columns an export carries that the server owns: read past without a warning (version is read for update-by-code). */
const SERVER_OWNED = new Set(['id', 'createdat', 'updatedat', 'created_at', 'updated_at', 'deletedat', 'deleted_at'].map(normalizeWord));

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A heading as compared with the vocabulary: NFKC (full-width brackets and ㎡ fold to ASCII), no spaces, lower case,
 * a trailing unit in brackets and a required-marker `*` removed.
 * @example headingKey('有效面积（㎡）*') // '有效面积'
 */
export function headingKey(h: string): string {
  let k = normalizeWord(h).replace(/[*＊]+$/, '');
  for (let i = 0; i < 2; i++) k = k.replace(/[([{【][^()[\]{}【】]*[)\]}】]$/, '');
  return k;
}

interface Target {
  field: string;
  how: MappingHow;
}

function addField(index: Map<string, Target>, f: FieldSpec, how: 'key' | 'label' | 'synonym', words: string[]) {
  for (const w of words) {
    const k = headingKey(w);
    if (k && !index.has(k)) index.set(k, { field: f.key, how });
  }
}

const indexes = new Map<LayerId, Map<string, Target>>();

/** heading key → target, built from the vocabulary: keys first, then labels, then synonyms (earlier wins). */
function headingIndex(layer: LayerId): Map<string, Target> {
  const cached = indexes.get(layer);
  if (cached) return cached;
  const index = new Map<string, Target>();
  const fields = [...LAYER_FIELDS[layer], ...POSITION_KEYS.map((k) => POSITION_FIELDS[k])];
  for (const f of fields) addField(index, f, 'key', [f.key, snake(f.key), f.key.slice(0, 10), snake(f.key).slice(0, 10)]);
  for (const f of fields) addField(index, f, 'label', [f.label.zh, f.label.en, ...(f.unit ? [`${f.label.zh}${UNITS[f.unit].symbol}`] : [])]);
  for (const f of fields) addField(index, f, 'synonym', [...(f.synonyms ?? [])]);
  indexes.set(layer, index);
  return index;
}

/** The fields a column may be mapped to in a layer (editable properties, version, and the position). */
export function mappableFields(layer: LayerId): string[] {
  return [...LAYER_FIELDS[layer].filter((f) => !f.readOnly || f.key === 'version').map((f) => f.key), ...POSITION_KEYS];
}

/**
 * Match a file's headings to a layer's fields through the vocabulary (key, snake_case, DBF truncation, Chinese or
 * English label with or without unit, synonyms), the user's mapping taking precedence; each field takes one column.
 * @example detectMapping('shelters', ['名称', '有效面积(㎡)', '经度', '纬度'])[1] // { column: '有效面积(㎡)', field: 'effectiveAreaM2', how: 'label' }
 */
export function detectMapping(layer: LayerId, headings: string[], user: UserMapping = {}): ColumnMatch[] {
  const index = headingIndex(layer);
  const specs = new Map(LAYER_FIELDS[layer].map((f) => [f.key, f]));
  const taken = new Set<string>();
  const out: ColumnMatch[] = [];
  const userTargets = new Set(Object.values(user).filter((v): v is string => !!v));
  for (const column of headings) {
    if (column.trim() === '') continue;
    if (Object.hasOwn(user, column)) {
      const field = user[column] || null;
      if (field) taken.add(field);
      out.push({ column, field, how: 'user' });
      continue;
    }
    const k = headingKey(column);
    const hit = index.get(k);
    const spec = hit ? specs.get(hit.field) : undefined;
    if (hit && spec?.readOnly && spec.key !== 'version') out.push({ column, field: null, how: 'server' });
    else if (hit && (taken.has(hit.field) || userTargets.has(hit.field))) out.push({ column, field: null, how: 'duplicate' });
    else if (hit) {
      taken.add(hit.field);
      out.push({ column, field: hit.field, how: hit.how });
    } else out.push({ column, field: null, how: SERVER_OWNED.has(k) ? 'server' : 'none' });
  }
  return out;
}
