import type { ColumnMatch } from './mapping.js';
import type { Geometry } from 'geojson';
import { IMPORT_CRS, IMPORT_ENCODINGS, IMPORT_FORMATS, type ImportFileNote } from '@riskmap/contract';

/** The import's lists of formats, coordinate systems and encodings are declared in the route contract. */
export { IMPORT_CRS, IMPORT_ENCODINGS, IMPORT_FORMATS };

export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A CRS code as `crsInfo` reads it. */
export type ImportCrs = string;

export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** One problem of one row: `row` as the user counts it (spreadsheet row, feature or record number). */
export interface RowError {
  row: number;
  field: string;
  message: string;
  /** The column heading in the file the field came from (tabular formats). */
  column?: string;
  /** A stable reason code (messages.ts renders it in the user's language with `params`). */
  code?: string;
  params?: Record<string, unknown>;
  /** The reason alone, in the user's language (message is the whole sentence naming row and column). */
  reason?: string;
}

/** One record read from a file, before validation. */
export interface RawRecord {
  row: number;
  /** Undefined when the row has no usable position (an error already names why). */
  geometry: Geometry | null | undefined;
  properties: Record<string, unknown>;
  /** Property name → column heading in the file, for error messages. */
  columns?: Record<string, string>;
  /** Property name → the value as written in the file, for error messages. */
  raw?: Record<string, unknown>;
  /** The version the record had when the file was exported (update-by-code refuses a record changed since). */
  version?: number;
}

/** A note about the whole file (rendered in the user's language by the route). */
export interface ImportNote {
  key: ImportFileNote;
  params?: Record<string, unknown>;
}

/** What a reader makes of a file: the records, the problems of single rows, and notes about the whole file. */
export interface ReadResult {
  records: RawRecord[];
  errors: RowError[];
  warnings: ImportNote[];
  /** The text encoding used (CSV, Shapefile DBF). */
  encoding?: string;
  /** Which column went where (tabular formats and GeoJSON properties). */
  mapping?: ColumnMatch[];
  /** The coordinate system the file declares (Shapefile .prj, GeoJSON crs member, GeoPackage srs), as a code crsInfo reads. */
  declaredCrs?: string;
  /** Where the declaration is (for messages): prj, crs, srs. */
  declaredCrsField?: string;
}
