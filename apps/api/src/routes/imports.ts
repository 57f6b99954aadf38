import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { layerDescriptor } from '@riskmap/db';
import { LAYER_IDS } from '@riskmap/geo';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { userOf } from '../http/role.js';
import { EDITORS, requireRole } from '../auth/require-role.js';
import { defineOperation } from '../openapi/registry.js';
import { IMPORT_CRS, IMPORT_ENCODINGS, IMPORT_FORMATS } from '../import/types.js';
import { importFormat, readImportFile } from '../import/read-file.js';
import { validateRecords } from '../import/validate-rows.js';
import { commitImport } from '../import/commit-import.js';

const ImportQuery = z.object({
  format: z.enum(IMPORT_FORMATS).optional(),
  crs: z.enum(IMPORT_CRS).default('wgs84'),
  encoding: z.enum(IMPORT_ENCODINGS).default('auto'),
  dryRun: z.enum(['true', 'false']).default('true'),
  filename: z.string().max(200).optional(),
});

const importOp = defineOperation({
  method: 'post',
  path: '/api/imports/{layer}',
  summary: 'Import features into a layer from GeoJSON, CSV (lon/lat; UTF-8 or GBK), XLSX or a zipped Shapefile',
  description:
    'The file is the raw request body; its Content-Type (or ?format=) says the format. Coordinates are converted from ?crs= (wgs84, cgcs2000, gcj02, bd09) to WGS84. ' +
    'Step 1, ?dryRun=true (the default): nothing is written; the answer lists every bad row with row number, field and reason. ' +
    'Step 2, the same upload with ?dryRun=false: all rows are created in one transaction, or none (400 invalid_rows naming the rows). Planner or admin.',
  tags: ['imports'],
  params: z.object({ layer: z.enum(LAYER_IDS) }),
  query: ImportQuery,
  body: { contentType: 'application/octet-stream', schema: z.string() },
  responses: {
    200: { description: 'dry run: rows, valid, errors [{row, field, message, column}], warnings', contentType: 'application/json' },
    201: { description: 'imported: the new feature ids', contentType: 'application/json' },
    400: { description: 'unreadable file, bad parameter, or (commit) bad rows' },
    401: { description: 'sign in first' },
    403: { description: 'not a planner or admin' },
    413: { description: 'file larger than IMPORT_MAX_BYTES or more rows than IMPORT_MAX_ROWS' },
    415: { description: 'unsupported format' },
  },
});

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** express.raw with the configured size limit, answering a clear 413 when the file is larger. */
function rawUpload(maxBytes: number): RequestHandler {
  const raw = express.raw({ type: () => true, limit: maxBytes });
  return (req, res, next) => {
    raw(req, res, (err?: unknown) => {
      const e = err as { type?: string } | undefined;
      if (e?.type === 'entity.too.large') {
        return next(new HttpError(413, 'payload_too_large', `the file is larger than the import limit of ${mb(maxBytes)} (IMPORT_MAX_BYTES)`, { field: 'body', limitBytes: maxBytes }));
      }
      next(err);
    });
  };
}

/**
 * `POST /api/imports/:layer` (planner, admin): dry run by default, `?dryRun=false` commits all-or-nothing, audits
 * every feature plus one import entry, and publishes an `import` change.
 * @example curl -X POST -H 'Content-Type: text/csv' --data-binary @shelters.csv '/api/imports/shelters?crs=gcj02'
 */
export function importsRouter(deps: AppDeps): Router {
  const router = Router();
  const { maxBytes, maxRows } = deps.config.imports;

  router.post('/imports/:layer', requireRole(...EDITORS), rawUpload(maxBytes), async (req, res) => {
    const d = layerDescriptor(String(req.params.layer));
    if (!d) throw new HttpError(404, 'unknown_layer', `unknown layer "${req.params.layer}"`, { field: 'layer', allowed: LAYER_IDS });
    const q = importOp.query.parse(req.query);
    const bytes = Buffer.isBuffer(req.body) ? (req.body as Buffer) : Buffer.alloc(0);
    if (bytes.length === 0) throw new HttpError(400, 'empty_file', 'send the file as the request body', { fields: [{ field: 'body', message: 'empty' }] });
    const format = importFormat(q.format, req.get('content-type'), bytes);
    const read = await readImportFile(d.id, format, bytes, q.encoding);
    const rows = new Set([...read.records.map((r) => r.row), ...read.errors.map((e) => e.row)]).size;
    if (read.records.length > maxRows) {
      throw new HttpError(413, 'too_many_rows', `the file has ${read.records.length} rows; an import takes at most ${maxRows} (IMPORT_MAX_ROWS); split it`, { field: 'body', rows: read.records.length, limitRows: maxRows });
    }
    if (rows === 0) throw new HttpError(400, 'empty_file', 'the file has no rows to import', { fields: [{ field: 'body', message: 'no rows' }] });
    const user = userOf(res)!;
    const checked = await validateRecords(deps.db, d, read.records, q.crs, user, deps.config.domain.geometry.countyToleranceM);
    const errors = [...read.errors, ...checked.errors].sort((a, b) => a.row - b.row);
    const summary = { layer: d.id, format, crs: q.crs, ...(read.encoding ? { encoding: read.encoding } : {}), rows, valid: checked.valid.length, invalidRows: new Set(errors.map((e) => e.row)).size };

    if (q.dryRun === 'true') {
      res.json({ dryRun: true, ...summary, errors, warnings: read.warnings });
      return;
    }
    if (errors.length > 0) {
      throw new HttpError(400, 'invalid_rows', `${summary.invalidRows} of ${rows} rows have problems; nothing was imported`, { errors, warnings: read.warnings });
    }
    const about = { format, crs: q.crs, ...(q.filename ? { filename: q.filename } : {}) };
    const { ids } = await commitImport(deps.db, d, checked.valid, user, about);
    deps.changes.publish({ layer: d.id, id: null, action: 'import', version: null });
    res.status(201).json({ dryRun: false, ...summary, imported: ids.length, ids, warnings: read.warnings });
  });
  return router;
}
