/** Import through the UI: the format from the file name, and the dry-run report's shape. */

export type ImportFormat = 'geojson' | 'csv' | 'xlsx' | 'shapefile';

/** The import format of a file by its extension; null when it is not one the API reads. */
export function formatOf(filename: string): ImportFormat | null {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'zip') return 'shapefile';
  return null;
}

export interface RowError {
  row: number;
  field: string;
  message: string;
  column?: string;
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
}

/** The dry run may be committed only when every row is valid (the commit is all-or-nothing). */
export const canCommit = (r: ImportReport | null): boolean => r !== null && r.dryRun && r.invalidRows === 0 && r.valid > 0;
