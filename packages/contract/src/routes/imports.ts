import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { JSON_TYPE, LayerIdParam, XLSX_TYPE, editorsOnly, errorAnswer, invalidInput } from './common.js';

/** The formats an import accepts. */
export const IMPORT_FORMATS = ['geojson', 'csv', 'xlsx', 'shapefile', 'geopackage', 'kml', 'kmz'] as const;
/**
 * Short names of the coordinate systems an import is offered in; `?crs=` also takes any code the CRS module reads
 * (EPSG:4326/4490/3857, the CGCS2000 Gauss-Krüger zones EPSG:4491–4554, urn/URI forms). CGCS2000 is taken as WGS84.
 */
export const IMPORT_CRS = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
/** Text encodings of CSV files and Shapefile DBFs; `auto` takes UTF-8 when the bytes are valid UTF-8, else GBK (GB18030). */
export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'gbk', 'gb18030'] as const;

export const ImportQuery = z.object({
  format: z.enum(IMPORT_FORMATS).optional(),
  crs: z.string().max(200).optional().describe(`${IMPORT_CRS.join(', ')} or a code such as EPSG:4548, EPSG:4527, EPSG:3857 (default: the file's own .prj / crs member, else wgs84)`),
  encoding: z.enum(IMPORT_ENCODINGS).default('auto'),
  dryRun: z.enum(['true', 'false']).default('true'),
  filename: z.string().max(200).optional(),
  mode: z.enum(['create', 'update']).default('create'),
  absent: z.enum(['true', 'false']).default('false'),
  mapping: z.string().max(20_000).optional(),
  lang: z.string().max(20).optional(),
  job: z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, - or _').optional().describe('a client-chosen id: GET /api/imports/jobs/{job} reports progress, DELETE cancels before commit'),
});

export const ImportRowError = z.object({
  row: z.number().int().describe('row as the user counts it (spreadsheet row, feature or record number)'),
  field: z.string(),
  message: z.string().describe('in the request’s language'),
  column: z.string().optional().describe('the column heading in the file'),
  code: z.string().optional().describe('a stable reason code; params hold its figures'),
  params: z.record(z.string(), z.unknown()).optional(),
}).loose();

const Summary = {
  layer: z.string(),
  format: z.enum(IMPORT_FORMATS),
  crs: z.string(),
  mode: z.enum(['create', 'update']),
  encoding: z.string().optional(),
  rows: z.number().int().min(0).describe('rows in the file, count'),
  valid: z.number().int().min(0).describe('rows without problems, count'),
  invalidRows: z.number().int().min(0).describe('rows with at least one problem, count'),
  changes: z.object({
    created: z.number().int().min(0).describe('rows that create a feature, count'),
    updated: z.number().int().min(0).describe('rows that change a feature (update by code), count'),
    unchanged: z.number().int().min(0).describe('rows equal to the stored feature, count'),
    createdRows: z.array(z.object({ row: z.number().int(), code: z.string(), name: z.string() })),
    updatedRows: z.array(z.object({ row: z.number().int(), code: z.string(), id: z.number().int(), version: z.number().int(), fields: z.array(z.object({ field: z.string(), label: z.string() }).loose()) })),
    unchangedRows: z.array(z.object({ row: z.number().int(), code: z.string() })),
    absent: z.number().int().min(0).optional().describe('live features whose code the file lacks (?absent=true), count'),
    absentRecords: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })).optional(),
  }).describe('what the import does, row by row'),
  warnings: z.array(z.string()),
};

export const importUpload = defineRoute({
  method: 'POST',
  path: '/api/imports/:layer',
  access: 'editors',
  summary: 'Import features into a layer from GeoJSON, CSV (lon/lat; UTF-8 or GBK), XLSX, a zipped Shapefile, GeoPackage or KML/KMZ',
  description:
    'The file is the raw request body; its Content-Type (or ?format=) says the format. Coordinates are converted from ?crs= to WGS84. ' +
    'Step 1, ?dryRun=true (the default): nothing is written; the answer lists every bad row with row number, field and reason. ' +
    'Step 2, the same upload with ?dryRun=false: all rows are created in one transaction, or none (400 invalid_rows naming the rows). Planner or admin.',
  tags: ['imports'],
  params: z.object({ layer: LayerIdParam }),
  query: ImportQuery,
  body: { contentType: 'application/octet-stream', schema: z.string().describe('the file'), raw: true },
  responses: {
    200: {
      description: 'dry run: the summary, the column mapping, what would change, every bad row',
      contentType: JSON_TYPE,
      schema: z.object({ dryRun: z.literal(true), ...Summary, mapping: z.array(z.unknown()), fields: z.array(z.object({ key: z.string(), label: z.string() })), errors: z.array(ImportRowError) }).loose(),
    },
    201: {
      description: 'imported: counts and the new and updated feature ids',
      contentType: JSON_TYPE,
      schema: z.object({
        dryRun: z.literal(false), ...Summary,
        imported: z.number().int().describe('features created + updated, count'),
        created: z.number().int(), updated: z.number().int(),
        ids: z.array(z.number().int()), updatedIds: z.array(z.number().int()),
      }).loose(),
    },
    400: errorAnswer('unreadable file (invalid_file, empty_file), bad parameter (invalid_input, invalid_mapping, unsupported_crs) or, on commit, bad rows (invalid_rows: details.errors)'),
    ...editorsOnly,
    404: errorAnswer('unknown layer (code unknown_layer)'),
    409: errorAnswer('cancelled (import_cancelled), the records changed meanwhile (stale_rows), or the ?job= id is running or another user\'s (job_in_use); nothing was written'),
    413: errorAnswer('file larger than IMPORT_MAX_BYTES (payload_too_large), more rows than IMPORT_MAX_ROWS (too_many_rows), or an archive that inflates too far (inflated_too_large)'),
    415: errorAnswer('unsupported format (code unsupported_format)'),
  },
  example: { path: '/api/imports/shelters' },
});

const JobParams = z.object({ job: z.string().describe('the ?job= id of the upload') });
const Phase = z.enum(['waiting', 'reading', 'checking', 'writing', 'committing', 'done', 'cancelled', 'failed']);

export const importJob = defineRoute({
  method: 'GET',
  path: '/api/imports/jobs/:job',
  access: 'editors',
  summary: 'Progress of an import named with ?job= (phase waiting, reading, checking, writing, committing, done, cancelled, failed; rows done of total)',
  description: 'Any API process answers: the job is a row, written by the process doing the import every IMPORT_HEARTBEAT_MS; a job whose process fell silent for IMPORT_STALE_MS is failed (error import_abandoned).',
  tags: ['imports'],
  params: JobParams,
  responses: {
    200: {
      description: 'the progress (phase waiting while the upload has not reached the server)',
      contentType: JSON_TYPE,
      schema: z.object({
        id: z.string(), phase: Phase, total: z.number().int().min(0).describe('rows to write, count'), done: z.number().int().min(0).describe('rows written, count'), cancelRequested: z.boolean(),
        error: z.object({ code: z.string(), message: z.string() }).optional().describe('why a failed or cancelled job ended (import_abandoned: its process stopped)'),
      }),
    },
    ...editorsOnly,
  },
  example: { path: '/api/imports/jobs/none' },
});

export const importJobCancel = defineRoute({
  method: 'DELETE',
  path: '/api/imports/jobs/:job',
  access: 'editors',
  summary: 'Cancel an import before it commits: it rolls back at its next batch and answers 409 import_cancelled',
  description: 'Any API process takes the cancel: it is stored in the job\'s row and announced, and the process doing the import stops at its next batch. An accepted cancel (202) is always honoured: once the import has written every batch it enters phase committing, and from then on a cancel is refused with 409 import_committing (the import\'s result stands).',
  tags: ['imports'],
  params: JobParams,
  responses: {
    202: { description: 'cancel requested', contentType: JSON_TYPE, schema: z.object({ id: z.string(), phase: Phase, cancelRequested: z.boolean() }) },
    ...editorsOnly,
    404: errorAnswer('no such job of yours (code unknown_job)'),
    409: errorAnswer('too late: the import is committing (import_committing) or has ended (import_ended); details.phase says which'),
  },
  example: { path: '/api/imports/jobs/none' },
});

export const importTemplate = defineRoute({
  method: 'GET',
  path: '/api/imports/:layer/template.xlsx',
  access: 'editors',
  summary: 'The XLSX import template of a layer: headings from the vocabulary (Chinese first), drop-down lists, 填表说明, an example row',
  description: 'The example row (marked 示例数据) lies at a township seat and imports as it is. ?lang=en for English headings. Planner or admin.',
  tags: ['imports'],
  params: z.object({ layer: LayerIdParam }),
  query: z.object({ lang: z.string().max(20).optional() }),
  responses: {
    200: { description: 'the workbook', contentType: XLSX_TYPE },
    ...invalidInput,
    ...editorsOnly,
    404: errorAnswer('unknown layer (code unknown_layer)'),
    409: errorAnswer('no township with a seat yet (code no_townships)'),
  },
  example: { path: '/api/imports/shelters/template.xlsx' },
});

export const IMPORT_ROUTES = [importUpload, importJob, importJobCancel, importTemplate] as const;
