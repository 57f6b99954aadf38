import type { Response } from 'express';
import type { LayerDescriptor } from '@riskmap/db';
import { HttpError } from '../http/http-error.js';
import { EditRefusal, type RefusalReason } from '../editing/edit-refusal.js';
import type { EditResult } from '../editing/feature-edits.js';

const REFUSAL_STATUS: Record<RefusalReason, number> = { invalid_input: 400, outside_scope: 403, duplicate: 409, use_flow: 409 };

/**
 * A refusal of the editing rules as the one error shape: its reason is the code, with the reason's status (400
 * invalid_input, 403 outside_scope, 409 duplicate and use_flow); `code` and `message` replace them where given.
 * @example throw refusalError(refusal)
 */
export function refusalError(refusal: EditRefusal, code: string = refusal.reason, message = refusal.message, details: unknown = refusal.details): HttpError {
  return new HttpError(REFUSAL_STATUS[refusal.reason], code, message, details);
}

/**
 * Answer an edit's result: the feature (GeoJSON, with `deletedAt`) with `status`; 404 when there is no such feature;
 * 409 version_conflict, deleted or not_deleted with the current record; the refusal's error.
 * @example answerEdit(d, await createEdit(deps, d, user, input), res, 201)
 */
export function answerEdit(d: LayerDescriptor, outcome: EditResult, res: Response, status: number): void {
  if (!outcome.ok) {
    if (outcome.reason === 'refused') throw refusalError(outcome.refusal);
    const current = outcome.current ? { ...outcome.current.feature, properties: { ...outcome.current.feature.properties, deletedAt: outcome.current.deletedAt } } : undefined;
    const details = current ? { current, currentVersion: outcome.current!.version } : undefined;
    if (outcome.reason === 'not_found') throw new HttpError(404, 'not_found', `no feature ${res.req.params.featureId} in ${d.id}`, { field: 'featureId' });
    if (outcome.reason === 'stale') throw new HttpError(409, 'version_conflict', `the feature changed since you read it (now version ${outcome.current?.version})`, details);
    if (outcome.reason === 'deleted') throw new HttpError(409, 'deleted', 'the feature is deleted; restore it first', details);
    throw new HttpError(409, 'not_deleted', 'the feature is not deleted', details);
  }
  const deletedAt = outcome.action === 'delete' ? new Date().toISOString() : null;
  res.status(status).type('application/geo+json').json({ ...outcome.feature, properties: { ...outcome.feature.properties, deletedAt } });
}
