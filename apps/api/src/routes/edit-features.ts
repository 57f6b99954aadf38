import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Feature, Geometry } from 'geojson';
import { createFeature, deleteFeature, layerDescriptor, readFeatureForEdit, restoreFeature, toCamel, updateFeature, type EditContext, type EditOutcome, type LayerDescriptor } from '@riskmap/db';
import { LAYER_IDS } from '@riskmap/geo';
import { checkGeometryShape } from '../validation/geometry-shape.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { userOf } from '../http/role.js';
import { featureChange, featureCreate, featureDelete, featureRestore } from '@riskmap/contract';
import { mountRoute } from '../http/mount-route.js';
import { parseCreate, parsePatch, parseVersion } from '../validation/index.js';
import { crossFieldCheck, refuseFlowFields, scopeCheck, toHttpEditError } from '../editing/edit-rules.js';
import { checkCurrentInScope, checkLayerInScope, featureRules, throwVerdict, type GeometryTolerances } from '../editing/feature-rules.js';

/**
 * Editing for every layer (planner, admin): `POST /api/layers/:id`, `PATCH` and `DELETE /api/layers/:id/:featureId`,
 * `POST /api/layers/:id/:featureId/restore`. Each change is audited in its transaction; the database's change trigger records and announces it.
 * @example app.use('/api', editFeaturesRouter(deps))
 */
export function editFeaturesRouter(deps: AppDeps): Router {
  const router = Router();
  mountRoute(router, featureCreate, async (req, res) => {
    const d = descriptorOf(req);
    checkLayerInScope(d, userOf(res)!);
    const input = parseCreate(d.id, req.body);
    await checkShapes(d, input, deps.config.resilience.geometry);
    const user = userOf(res)!;
    const outcome = await edit(deps, async (trx) => {
      const feature: Feature = { type: 'Feature', geometry: input.geometry!, properties: input.properties };
      const [verdict] = await featureRules(trx, d, user, [feature], tolerances(deps), { shapesChecked: true });
      const properties = withTownship(d, input.properties, throwVerdict(verdict!));
      return createFeature(trx, d, { geometry: input.geometry, properties }, context(d, res));
    });
    answer(deps, d, outcome, res, 201);
  });

  mountRoute(router, featureChange, async (req, res) => {
    const d = descriptorOf(req);
    checkLayerInScope(d, userOf(res)!);
    const id = featureIdOf(req);
    const input = parsePatch(d.id, req.body);
    refuseFlowFields(d, input.properties);
    await checkShapes(d, input, deps.config.resilience.geometry);
    const user = userOf(res)!;
    const outcome = await edit(deps, async (trx) => {
      const current = await readFeatureForEdit(trx, d, id, { forUpdate: true });
      let properties = input.properties;
      if (current && !current.deletedAt && current.version === input.version) {
        await checkCurrentInScope(trx, d, user, current.feature, tolerances(deps));
        const moved = input.geometry !== undefined && !Object.hasOwn(input.properties, 'townshipCode');
        const after: Feature = {
          type: 'Feature',
          geometry: input.geometry ?? current.feature.geometry,
          properties: { ...current.feature.properties, ...input.properties, ...(moved ? { townshipCode: null } : {}) },
        };
        const [verdict] = await featureRules(trx, d, user, [after], tolerances(deps), { shapesChecked: true });
        const code = throwVerdict(verdict!);
        if (moved || Object.hasOwn(input.properties, 'townshipCode')) properties = withTownship(d, input.properties, code);
      }
      return updateFeature(trx, d, id, input.version, { ...input, properties }, context(d, res));
    });
    answer(deps, d, outcome, res, 200);
  });

  mountRoute(router, featureDelete, async (req, res) => {
    const d = descriptorOf(req);
    const id = featureIdOf(req);
    const version = parseVersion(req.body, req.query.version, true)!;
    const outcome = await edit(deps, async (trx) => {
      await currentInScope(deps, trx, d, id, res);
      return deleteFeature(trx, d, id, version, context(d, res));
    });
    answer(deps, d, outcome, res, 200);
  });

  mountRoute(router, featureRestore, async (req, res) => {
    const d = descriptorOf(req);
    const id = featureIdOf(req);
    const version = parseVersion(req.body, req.query.version, false);
    const outcome = await edit(deps, async (trx) => {
      await currentInScope(deps, trx, d, id, res);
      return restoreFeature(trx, d, id, version, context(d, res));
    });
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

function tolerances(deps: AppDeps): GeometryTolerances {
  return deps.config.domain.geometry;
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


/** The properties with the township code the rules settled on (layers with a township only). */
function withTownship(d: LayerDescriptor, properties: Record<string, unknown>, code: string | null | undefined): Record<string, unknown> {
  if (!d.columns.includes('township_code') || code === undefined) return properties;
  return { ...properties, townshipCode: code };
}

async function currentInScope(deps: AppDeps, trx: AppDeps['db'], d: LayerDescriptor, id: number, res: Response): Promise<void> {
  const current = await readFeatureForEdit(trx, d, id, { forUpdate: true });
  if (current) await checkCurrentInScope(trx, d, userOf(res)!, current.feature, tolerances(deps));
}

async function edit(deps: AppDeps, run: (trx: AppDeps['db']) => Promise<EditOutcome>): Promise<EditOutcome> {
  try {
    const outcome = await deps.db.transaction().execute(run);
    await deps.changes.catchUp(); // this process sees its own write before it answers
    return outcome;
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
  const deletedAt = outcome.action === 'delete' ? new Date().toISOString() : null;
  res.status(status).type('application/geo+json').json({ ...outcome.feature, properties: { ...outcome.feature.properties, deletedAt } });
}
