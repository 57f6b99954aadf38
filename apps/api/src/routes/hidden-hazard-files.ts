import express, { Router, type RequestHandler } from 'express';
import { hiddenHazardAttach, hiddenHazardAttachment } from '@riskmap/contract';
import { getHazardAttachment, insertHazardAttachment, listHazardAttachments, listHazardSteps, readFeatureForEdit, writeAudit, LAYERS } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { userOf } from '../http/role.js';
import { mountRoute } from '../http/mount-route.js';
import { sniffMediaType } from '../hidden-hazards/magic-bytes.js';

const d = LAYERS['hidden-hazards'];

function rawUpload(maxBytes: number): RequestHandler {
  const raw = express.raw({ type: () => true, limit: maxBytes });
  return (req, res, next) => {
    raw(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type === 'entity.too.large') {
        return next(new HttpError(413, 'payload_too_large', `the attachment is larger than the limit of ${maxBytes} bytes (hiddenHazards.attachments.maxBytes)`, { field: 'body', limitBytes: maxBytes }));
      }
      next(err);
    });
  };
}

/**
 * Photos and documents of a hidden hazard, stored in the database: `POST /api/hidden-hazards/:id/attachments?filename=&stepId=`
 * (raw body; JPEG, PNG or PDF by their magic bytes; size-limited; audited) and `GET …/attachments/:attachmentId`.
 * @example curl -b jar --data-binary @photo.jpg '/api/hidden-hazards/3/attachments?filename=photo.jpg'
 */
export function hiddenHazardFilesRouter(deps: AppDeps): Router {
  const router = Router();
  const limits = deps.config.domain.hiddenHazards.attachments;

  mountRoute(router, hiddenHazardAttach, async (req, res, { params: { id }, query: q }) => {
    const user = userOf(res)!;
    const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (data.length === 0) throw new HttpError(400, 'invalid_input', 'body: the attachment is empty', { fields: [{ field: 'body', message: 'empty' }] });
    const type = sniffMediaType(data);
    if (!type || !limits.types.includes(type)) {
      throw new HttpError(415, 'unsupported_media_type', `body: not a JPEG, PNG or PDF file (checked by its content)`, { field: 'body', allowed: limits.types });
    }
    const info = await deps.db.transaction().execute(async (trx) => {
      const current = await readFeatureForEdit(trx, d, id, { forUpdate: true });
      if (!current || current.deletedAt) throw new HttpError(404, 'not_found', `no hidden hazard ${id}`, { field: 'id' });
      const existing = await listHazardAttachments(trx, id);
      if (existing.length >= limits.maxPerHazard) throw new HttpError(409, 'too_many_attachments', `a hazard holds at most ${limits.maxPerHazard} attachments`, { limit: limits.maxPerHazard });
      if (q.stepId !== undefined && !(await listHazardSteps(trx, id)).some((s) => s.id === q.stepId)) {
        throw new HttpError(400, 'invalid_input', `stepId: no step ${q.stepId} of this hazard`, { fields: [{ field: 'stepId', message: 'not a step of this hazard' }] });
      }
      const a = await insertHazardAttachment(trx, { hazardId: id, stepId: q.stepId ?? null, filename: q.filename, mediaType: type, data, uploadedBy: user.username });
      await writeAudit(trx, { actor: user.username, action: 'update', layer: d.id, featureId: id, before: null, after: { attachment: { id: a.id, filename: a.filename, mediaType: a.mediaType, sizeBytes: a.sizeBytes } } });
      return a;
    });
    res.status(201).json(info);
  }, { before: [rawUpload(limits.maxBytes)] });

  mountRoute(router, hiddenHazardAttachment, async (_req, res, { params }) => {
    const a = await getHazardAttachment(deps.db, params.id, params.attachmentId);
    if (!a) throw new HttpError(404, 'not_found', 'no such attachment', { field: 'attachmentId' });
    res.set('Cache-Control', 'private, no-store');
    res.set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(a.filename)}`);
    res.type(a.mediaType).send(Buffer.from(a.data));
  });

  return router;
}
