import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Geometry } from 'geojson';
import { checkGeometry, toCamel, createFeature, deleteFeature, layerDescriptor, restoreFeature, updateFeature, type EditContext, type EditOutcome, type LayerDescriptor } from '@riskmap/db';
import { LAYER_IDS, validateGeometry } from '@riskmap/geo';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { userOf } from '../http/role.js';
import { EDITORS, requireRole } from '../auth/require-role.js';
import { parseCreate, parsePatch, parseVersion } from '../validation/index.js';
import { crossFieldCheck, scopeCheck, toHttpEditError } from './edit-rules.js';
import './edit-openapi.js';

/**
 * Editing for every layer (planner, admin): `POST /api/layers/:id`, `PATCH` and `DELETE /api/layers/:id/:featureId`,
 * `POST /api/layers/:id/:featureId/restore`. Each change is audited in its transaction and published after commit.
 * @example app.use('/api', editFeaturesRouter(deps))
 */
export function editFeaturesRouter(deps: AppDeps): Router {
  const router = Router();
  const editors = requireRole(...EDITORS);

  router.post('/layers/:id', editors, async (req, res) => {
    const d = descriptorOf(req);
    const input = parseCreate(d.id, req.body);
    checkSecondaryGeometries(d, input.properties);
    await checkGeometryInCounty(deps, input.geometry!);
    const outcome = await edit(deps, (trx) => createFeature(trx, d, input, context(d, res)));
    answer(deps, d, outcome, res, 201);
  });

  router.patch('/layers/:id/:featureId', editors, async (req, res) => {
    const d = descriptorOf(req);
    const id = featureIdOf(req);
    const input = parsePatch(d.id, req.body);
    checkSecondaryGeometries(d, input.properties);
    if (input.geometry) await checkGeometryInCounty(deps, input.geometry);
    const outcome = await edit(deps, (trx) => updateFeature(trx, d, id, input.version, input, context(d, res)));
    answer(deps, d, outcome, res, 200);
  });

  router.delete('/layers/:id/:featureId', editors, async (req, res) => {
    const d = descriptorOf(req);
    const id = featureIdOf(req);
    const version = parseVersion(req.body, req.query.version, true)!;
    const outcome = await edit(deps, (trx) => deleteFeature(trx, d, id, version, context(d, res)));
    answer(deps, d, outcome, res, 200);
  });

  router.post('/layers/:id/:featureId/restore', editors, async (req, res) => {
    const d = descriptorOf(req);
    const id = featureIdOf(req);
    const version = parseVersion(req.body, req.query.version, false);
    const outcome = await edit(deps, (trx) => restoreFeature(trx, d, id, version, context(d, res)));
    answer(deps, d, outcome, res, 200);
  });

  return router;
}

function descriptorOf(req: Request): LayerDescriptor {
  const d = layerDescriptor(String(req.params.id));
  if (!d) throw new HttpError(404, 'unknown_layer', `unknown layer "${req.params.id}"`, { field: 'id', allowed: LAYER_IDS });
  return d;
}

function featureIdOf(req: Request): number {
  const parsed = z.coerce.number().int().positive().max(2 ** 31 - 1).safeParse(req.params.featureId);
  if (!parsed.success) throw new HttpError(404, 'not_found', `no feature "${req.params.featureId}"`, { field: 'featureId' });
  return parsed.data;
}

function context(d: LayerDescriptor, res: Response): EditContext {
  const user = userOf(res)!;
  return { actor: user.username, authorize: scopeCheck(user), check: crossFieldCheck(d) };
}

async function checkGeometryInCounty(deps: AppDeps, geometry: Geometry): Promise<void> {
  const shape = validateGeometry(geometry);
  if (!shape.valid) throw new HttpError(400, 'invalid_input', `geometry: ${shape.reason}`, { fields: [{ field: 'geometry', code: shape.code, message: shape.reason }] });
  const c = await checkGeometry(deps.db, geometry, deps.config.domain.geometry.countyToleranceM);
  if (!c.valid) throw new HttpError(400, 'invalid_input', `geometry: not valid (${c.reason})`, { fields: [{ field: 'geometry', message: c.reason }] });
  if (!c.insideCounty) {
    const message = `outside the county (more than ${deps.config.domain.geometry.countyToleranceM} m from its boundary)`;
    throw new HttpError(400, 'invalid_input', `geometry: ${message}`, { fields: [{ field: 'geometry', message }] });
  }
}

/** Site outlines, plant boundaries and seats get the same shape check as the main geometry. */
function checkSecondaryGeometries(d: LayerDescriptor, properties: Record<string, unknown>): void {
  for (const column of d.geometryColumns) {
    const field = toCamel(column);
    const value = properties[field] as Geometry | [number, number] | null | undefined;
    if (!value) continue;
    const check = validateGeometry(Array.isArray(value) ? { type: 'Point', coordinates: value } : value);
    if (!check.valid) throw new HttpError(400, 'invalid_input', `properties.${field}: ${check.reason}`, { fields: [{ field: `properties.${field}`, code: check.code, message: check.reason }] });
  }
}

async function edit(deps: AppDeps, run: (trx: AppDeps['db']) => Promise<EditOutcome>): Promise<EditOutcome> {
  try {
    return await deps.db.transaction().execute(run);
  } catch (err) {
    throw toHttpEditError(err);
  }
}

function answer(deps: AppDeps, d: LayerDescriptor, outcome: EditOutcome, res: Response, status: number): void {
  if (!outcome.ok) {
    const current = outcome.current ? { ...outcome.current.feature, properties: { ...outcome.current.feature.properties, deletedAt: outcome.current.deletedAt } } : undefined;
    const details = current ? { current, currentVersion: outcome.current!.version } : undefined;
    if (outcome.reason === 'not_found') throw new HttpError(404, 'not_found', `no feature ${res.req.params.featureId} in ${d.id}`, { field: 'featureId' });
    if (outcome.reason === 'stale') throw new HttpError(409, 'version_conflict', `the feature changed since you read it (now version ${outcome.current?.version})`, details);
    if (outcome.reason === 'deleted') throw new HttpError(409, 'deleted', 'the feature is deleted; restore it first', details);
    throw new HttpError(409, 'not_deleted', 'the feature is not deleted', details);
  }
  const id = outcome.feature.id as number;
  deps.changes.publish({ layer: d.id, id, action: outcome.action, version: outcome.version });
  const deletedAt = outcome.action === 'delete' ? new Date().toISOString() : null;
  res.status(status).type('application/geo+json').json({ ...outcome.feature, properties: { ...outcome.feature.properties, deletedAt } });
}
