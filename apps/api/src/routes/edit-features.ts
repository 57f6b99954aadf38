import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Geometry } from 'geojson';
import { layerDescriptor, toCamel, type LayerDescriptor } from '@riskmap/db';
import { LAYER_IDS } from '@riskmap/geo';
import { checkGeometryShape } from '../validation/geometry-shape.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { userOf } from '../http/role.js';
import { featureChange, featureCreate, featureDelete, featureRestore } from '@riskmap/contract';
import { mountRoute } from '../http/mount-route.js';
import { parseCreate, parsePatch, parseVersion } from '../validation/index.js';
import type { EditRefusal } from '../editing/edit-refusal.js';
import { flowFieldsRefusal } from '../editing/edit-rules.js';
import { layerRefusal } from '../editing/feature-rules.js';
import { changeEdit, createEdit, deleteEdit, restoreEdit } from '../editing/feature-edits.js';
import { answerEdit, refusalError } from './edit-answer.js';

/**
 * Editing for every layer (planner, admin): `POST /api/layers/:id`, `PATCH` and `DELETE /api/layers/:id/:featureId`,
 * `POST /api/layers/:id/:featureId/restore`, through the editing service (rules, transaction, audit, publish); the outcome is answered here.
 * @example app.use('/api', editFeaturesRouter(deps))
 */
export function editFeaturesRouter(deps: AppDeps): Router {
  const router = Router();
  mountRoute(router, featureCreate, async (req, res) => {
    const d = descriptorOf(req);
    const user = userOf(res)!;
    refuseIf(layerRefusal(d, user));
    const input = parseCreate(d.id, req.body);
    await checkShapes(d, input, deps.config.resilience.geometry);
    answerEdit(d, await createEdit(deps, d, user, input), res, 201);
  });

  mountRoute(router, featureChange, async (req, res) => {
    const d = descriptorOf(req);
    const user = userOf(res)!;
    refuseIf(layerRefusal(d, user));
    const id = featureIdOf(req);
    const input = parsePatch(d.id, req.body);
    refuseIf(flowFieldsRefusal(d, input.properties));
    await checkShapes(d, input, deps.config.resilience.geometry);
    answerEdit(d, await changeEdit(deps, d, user, id, input), res, 200);
  });

  mountRoute(router, featureDelete, async (req, res) => {
    const d = descriptorOf(req);
    const id = featureIdOf(req);
    const version = parseVersion(req.body, req.query.version, true)!;
    answerEdit(d, await deleteEdit(deps, d, userOf(res)!, id, version), res, 200);
  });

  mountRoute(router, featureRestore, async (req, res) => {
    const d = descriptorOf(req);
    const id = featureIdOf(req);
    const version = parseVersion(req.body, req.query.version, false);
    answerEdit(d, await restoreEdit(deps, d, userOf(res)!, id, version), res, 200);
  });

  return router;
}

function refuseIf(refusal: EditRefusal | undefined): void {
  if (refusal) throw refusalError(refusal);
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

/** Every geometry a request carries (the feature's, site outlines, plant boundaries, seats): bounded shape checks. */
async function checkShapes(d: LayerDescriptor, input: { geometry?: Geometry | null; properties: Record<string, unknown> }, limits: AppDeps['config']['resilience']['geometry']): Promise<void> {
  if (input.geometry) await checkGeometryShape(input.geometry, 'geometry', limits);
  for (const column of d.geometryColumns) {
    const field = toCamel(column);
    const value = input.properties[field] as Geometry | [number, number] | null | undefined;
    if (!value) continue;
    await checkGeometryShape(Array.isArray(value) ? { type: 'Point', coordinates: value } : value, `properties.${field}`, limits);
  }
}

