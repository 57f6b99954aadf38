import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { importJob, importJobCancel, importNoteMessage, importUpload, type Locale } from '@riskmap/contract';
import { layerDescriptor } from '@riskmap/db';
import { LAYER_IDS } from '@riskmap/geo';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { userOf } from '../http/role.js';
import { mountRoute } from '../http/mount-route.js';
import { importFormat, readImportFile } from '../import/read-file.js';
import { validateRecords } from '../import/validate-rows.js';
import { commitRows, type CommitHooks, type CommitResult } from '../editing/commit-rows.js';
import { importRecordSteps } from '../hidden-hazards/import-steps.js';
import { todayOf } from '../hidden-hazards/today.js';
import { refusalError } from './edit-answer.js';
import { localizeErrors, requestLocale } from '../import/messages.js';
import { ImportInputError } from '../import/input-error.js';
import { importCrs, importErrorAnswer } from './imports-input-error.js';
import { changeSummary, mappingView, parseUserMapping } from '../import/import-answer.js';
import { ImportJobs, type ImportJob } from '../import/import-jobs.js';

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** express.raw with the configured size limit, answering a clear 413 when the file is larger. */
function rawUpload(maxBytes: number): RequestHandler {
  const raw = express.raw({ type: () => true, limit: maxBytes });
  return (req, res, next) => {
    raw(req, res, (err?: unknown) => {
      const e = err as { type?: string } | undefined;
      if (e?.type === 'entity.too.large') {
        return next(importErrorAnswer(new ImportInputError('file.tooLarge', { limitMb: mb(maxBytes) }, { field: 'body' }, { limitBytes: maxBytes }), requestLocale(req)));
      }
      next(err);
    });
  };
}

/**
 * `POST /api/imports/:layer` (planner, admin): dry run by default, `?dryRun=false` commits all-or-nothing, audits
 * every feature plus one import entry, and the change trigger records a change per row.
 * @example curl -X POST -H 'Content-Type: text/csv' --data-binary @shelters.csv '/api/imports/shelters?crs=gcj02'
 */
export function importsRouter(deps: AppDeps): Router & { jobs: ImportJobs } {
  const { maxBytes, maxRows, heartbeatMs, staleMs } = deps.config.imports;
  const jobs = new ImportJobs(deps.db, { heartbeatMs, staleMs, singleProcess: deps.backend === 'embedded', listen: deps.listen });
  const router = Object.assign(Router(), { jobs });

  mountRoute(router, importJob, async (_req, res, { params }) => {
    const user = userOf(res)!;
    const job = await jobs.view(params.job, user.username, user.role === 'admin');
    // a job the upload has not reached yet (its body still arriving) is 'waiting', not an error
    res.set('Cache-Control', 'no-store').json(job ?? { id: params.job, phase: 'waiting', total: 0, done: 0, cancelRequested: false });
  });
  mountRoute(router, importJobCancel, async (_req, res, { params }) => {
    const user = userOf(res)!;
    const job = await jobs.cancel(params.job, user.username, user.role === 'admin');
    res.status(202).json({ id: job.id, phase: job.phase, cancelRequested: job.cancelRequested });
  });

  mountRoute(router, importUpload, async (req, res, args) => {
    const locale = requestLocale(req);
    await upload(req, res, args, locale).catch((err: unknown) => {
      throw importErrorAnswer(err, locale);
    });
  }, { before: [rawUpload(maxBytes)] });

  const upload = async (req: Request, res: Response, { params, query: q }: { params: { layer: string }; query: z.infer<typeof importUpload.query> }, locale: Locale) => {
    const d = layerDescriptor(params.layer);
    if (!d) throw new HttpError(404, 'unknown_layer', `unknown layer "${params.layer}"`, { field: 'layer', allowed: LAYER_IDS });
    const bytes = Buffer.isBuffer(req.body) ? (req.body as Buffer) : Buffer.alloc(0);
    if (bytes.length === 0) throw new ImportInputError('file.empty');
    const format = importFormat(q.format, req.get('content-type'), bytes);
    const user = userOf(res)!;
    const job = q.job ? await jobs.start(q.job, user.username, d.id, q.dryRun === 'true', res.locals.sessionTokenHash as string | undefined) : undefined;
    try {
    const userMapping = parseUserMapping(d.id, q.mapping, locale);
    if (q.crs) importCrs(q.crs, 'crs'); // a 400 naming crs before the file is read
    const read = await readImportFile(d.id, format, bytes, q.encoding, userMapping, deps.config.imports.maxInflatedBytes);
    const fileCrs = read.declaredCrs ? importCrs(read.declaredCrs, read.declaredCrsField ?? 'crs').code : undefined;
    const crs = q.crs ?? fileCrs ?? 'wgs84';
    if (q.crs && fileCrs && importCrs(q.crs).code !== fileCrs) {
      read.warnings.push({ key: 'note.crsOverride', params: { declared: fileCrs, chosen: q.crs } });
    }
    const warnings = read.warnings.map((n) => importNoteMessage(n.key, n.params ?? {}, locale));
    const rows = new Set([...read.records.map((r) => r.row), ...read.errors.map((e) => e.row)]).size;
    if (read.records.length > maxRows) {
      throw new ImportInputError('file.tooManyRows', { rows: read.records.length, limit: maxRows }, { field: 'body' }, { rows: read.records.length, limitRows: maxRows });
    }
    if (rows === 0) throw new ImportInputError('file.noRows');
    if (job) job.phase = 'checking';
    ImportJobs.check(job);
    const checked = await validateRecords(deps.db, d, read.records, crs, user, deps.config.domain.geometry, q.mode, deps.config.domain.hiddenHazards);
    const errors = localizeErrors(d.id, [...read.errors, ...checked.errors].sort((a, b) => a.row - b.row), locale);
    const summary = { layer: d.id, format, crs, mode: q.mode, ...(read.encoding ? { encoding: read.encoding } : {}), rows, valid: checked.valid.length, invalidRows: new Set(errors.map((e) => e.row)).size };
    const mapping = mappingView(d.id, read.mapping ?? [], locale);
    const changes = await changeSummary(deps.db, d, checked.valid, q.mode, q.absent === 'true', read.records, locale);

    if (q.dryRun === 'true') {
      if (job) await jobs.finish(job, 'done', { result: { rows, valid: summary.valid, invalidRows: summary.invalidRows } });
      res.json({ dryRun: true, ...summary, ...mapping, changes, errors, warnings });
      return;
    }
    if (errors.length > 0) {
      const message = locale === 'en' ? `${summary.invalidRows} of ${rows} rows have problems; nothing was imported` : `${rows} 行中有 ${summary.invalidRows} 行有问题，未导入任何记录`;
      throw new HttpError(400, 'invalid_rows', message, { errors, warnings });
    }
    const about = { format, crs, mode: q.mode, ...(q.filename ? { filename: q.filename } : {}) };
    ImportJobs.check(job);
    const hooks: CommitHooks = {
      ...(job ? commitHooks(job, jobs) : {}),
      ...(d.id === 'hidden-hazards' ? { created: importRecordSteps(deps.config.domain.hiddenHazards, user, todayOf(deps), q.filename) } : {}),
    };
    const outcome = await commitRows(deps, d, checked.valid, user, about, hooks);
    if (!outcome.ok) throw commitError(outcome, d.id, locale);
    if (job) await jobs.finish(job, 'done', { result: { rows, created: outcome.ids.length, updated: outcome.updated.length } });
    res.status(201).json({ dryRun: false, ...summary, imported: outcome.ids.length + outcome.updated.length, created: outcome.ids.length, updated: outcome.updated.length, ids: outcome.ids, updatedIds: outcome.updated, changes, warnings });
    } catch (err) {
      const cancelled = err instanceof HttpError && err.code === 'import_cancelled';
      if (job) await jobs.finish(job, cancelled ? 'cancelled' : 'failed', { error: err as Error });
      if (cancelled && locale !== 'en') throw new HttpError(409, err.code, '已取消导入，未写入任何记录', err.details);
      throw err;
    }
  };
  return router;
}

/** A job's part in the commit: the phase and count of writes, a cancel checked per batch and refused from the commit point on. */
function commitHooks(job: ImportJob, jobs: ImportJobs): CommitHooks {
  return {
    start(total) {
      job.phase = 'writing';
      job.total = total;
      job.done = 0;
    },
    progress(done) {
      job.done = done;
      ImportJobs.check(job);
    },
    // a cancel after the last batch still rolls back (nothing is committed yet); from here on one is refused
    commitPoint: () => jobs.commitPoint(job),
  };
}

/** A commit that wrote nothing, as the one error shape with the row named (in the user's language). */
function commitError(outcome: Exclude<CommitResult, { ok: true }>, layer: Parameters<typeof localizeErrors>[0], locale: Locale): HttpError {
  if (outcome.reason === 'stale') {
    const { row, code, fileVersion, version, why } = outcome;
    const errors = [{ row, field: 'version', code: 'update.stale', params: { code, fileVersion, version }, message: `changed since read (${why})` }];
    return new HttpError(409, 'stale_rows', `row ${row}: the record with code "${code}" changed during the import (${why}); nothing was imported`, { errors: localizeErrors(layer, errors, locale) });
  }
  const { row, refusal } = outcome;
  const fields = refusal.details.fields ?? [{ field: 'row', message: refusal.message }];
  const errors = fields.map((f) => ({ row, field: f.field, message: f.message }));
  return refusalError(refusal, 'invalid_rows', `row ${row}: ${refusal.message}; nothing was imported`, { errors: localizeErrors(layer, errors, locale) });
}
