import type { Geometry } from 'geojson';

/** The formats an import accepts. */
export const IMPORT_FORMATS = ['geojson', 'csv', 'xlsx', 'shapefile'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Declared coordinate systems of an import; CGCS2000 is taken as WGS84 (< 1 mm apart). */
export const IMPORT_CRS = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
export type ImportCrs = (typeof IMPORT_CRS)[number];

/** Text encodings of CSV files and Shapefile DBFs; `auto` takes UTF-8 when the bytes are valid UTF-8, else GBK (GB18030). */
export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'gbk', 'gb18030'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** One problem of one row: `row` as the user counts it (spreadsheet row, feature or record number). */
export interface RowError {
  row: number;
  field: string;
  message: string;
  /** The column heading in the file the field came from (tabular formats). */
  column?: string;
}

/** One record read from a file, before validation. */
export interface RawRecord {
  row: number;
  /** Undefined when the row has no usable position (an error already names why). */
  geometry: Geometry | null | undefined;
  properties: Record<string, unknown>;
  /** Property name → column heading in the file, for error messages. */
  columns?: Record<string, string>;
}

/** What a reader makes of a file: the records, the problems of single rows, and notes about the whole file. */
export interface ReadResult {
  records: RawRecord[];
  errors: RowError[];
  warnings: string[];
  /** The text encoding used (CSV, Shapefile DBF). */
  encoding?: string;
}
