/** Import through the UI: the format from the file name, and the dry-run report's shape. */

export type ImportFormat = 'geojson' | 'csv' | 'xlsx' | 'shapefile' | 'geopackage' | 'kml' | 'kmz';

/** The import format of a file by its extension; null when it is not one the API reads. */
export function formatOf(filename: string): ImportFormat | null {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'zip') return 'shapefile';
  if (ext === 'gpkg') return 'geopackage';
  if (ext === 'kml') return 'kml';
  if (ext === 'kmz') return 'kmz';
  return null;
}

export interface RowError {
  row: number;
  field: string;
  /** The whole sentence in the user's language, naming row and column. */
  message: string;
  /** The reason alone, in the user's language. */
  reason?: string;
  code?: string;
  column?: string;
}

/** Where a column of the file went (the API's detected or the user's mapping). */
export interface ColumnMatch {
  column: string;
  field: string | null;
  how: 'key' | 'label' | 'synonym' | 'user' | 'server' | 'duplicate' | 'none';
  label: string | null;
}

export interface FieldChange {
  field: string;
  label: string;
  old: unknown;
  new: unknown;
}

/** What the import would do (update-by-code: field by field). */
export interface ImportChanges {
  created: number;
  updated: number;
  unchanged: number;
  updatedRows: { row: number; code: string; id: number; fields: FieldChange[] }[];
  absent?: number;
  absentRecords?: { id: number; code: string; name: string }[];
}

/** POST /api/imports/:layer?dryRun=true answer (and the commit's, with `imported`). */
export interface ImportReport {
  dryRun: boolean;
  layer: string;
  format: ImportFormat;
  crs: string;
  encoding?: string;
  rows: number;
  valid: number;
  invalidRows: number;
  errors?: RowError[];
  warnings: string[];
  imported?: number;
  created?: number;
  updated?: number;
  mapping?: ColumnMatch[];
  fields?: { key: string; label: string }[];
  changes?: ImportChanges;
}

/** The user's mapping as the API takes it (`?mapping=`): only the columns the user set. */
export type UserMapping = Record<string, string | null>;

const MEMORY = 'riskmap.import.mapping';

/** The key a mapping is remembered under: the layer and the file's set of headings. */
export function mappingKey(layer: string, headings: string[]): string {
  return `${layer}|${[...headings].sort().join('\u0001')}`;
}

/** The mapping remembered for a layer and a set of headings (empty when none). */
export function rememberedMapping(layer: string, headings: string[], storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): UserMapping {
  try {
    const all = JSON.parse(storage?.getItem(MEMORY) ?? '{}') as Record<string, UserMapping>;
    return all[mappingKey(layer, headings)] ?? {};
  } catch {
    return {};
  }
}

/** Remember the user's mapping for a layer and a set of headings (on this device). */
export function rememberMapping(layer: string, headings: string[], mapping: UserMapping, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    const all = JSON.parse(storage?.getItem(MEMORY) ?? '{}') as Record<string, UserMapping>;
    all[mappingKey(layer, headings)] = mapping;
    storage?.setItem(MEMORY, JSON.stringify(all));
  } catch {
    /* storage blocked */
  }
}

/** A value of a change as shown (objects as JSON, blank as —). */
export function shownValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The dry run may be committed only when every row is valid (the commit is all-or-nothing) and something would change. */
export const canCommit = (r: ImportReport | null): boolean =>
  r !== null && r.dryRun && r.invalidRows === 0 && r.valid > 0 && (!r.changes || r.changes.created + r.changes.updated > 0);
