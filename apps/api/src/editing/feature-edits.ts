import type { Feature, Geometry } from 'geojson';
import { createFeature, deleteFeature, readFeatureForEdit, restoreFeature, updateFeature, type Database, type EditOutcome, type Kysely, type LayerDescriptor } from '@riskmap/db';
import type { SessionUser } from '../http/role.js';
import { editContext } from './edit-rules.js';
import { checkCurrentInScope, featureRules, throwVerdict } from './feature-rules.js';
import { editTransaction, type EditingDeps, type Refused } from './edit-transaction.js';

/** What an edit did (the feature after it), why nothing changed (with the current record), or the rules' refusal. */
export type EditResult = EditOutcome | Refused;

/** A feature to create, its shapes already checked (checkGeometryShape). */
export interface FeatureInput {
  geometry?: Geometry | null;
  properties: Record<string, unknown>;
}

/**
 * Create a feature under the editing rules (featureRules: county, township from the location, scope), audited in its transaction, then published.
 * @example const outcome = await createEdit(deps, LAYERS.shelters, user, { geometry, properties })
 */
export function createEdit(deps: EditingDeps, d: LayerDescriptor, user: SessionUser, input: FeatureInput): Promise<EditResult> {
  return editTransaction(deps, async (trx) => {
    const feature: Feature = { type: 'Feature', geometry: input.geometry!, properties: input.properties };
    const [verdict] = await featureRules(trx, d, user, [feature], deps.config.domain.geometry, { shapesChecked: true });
    const properties = withTownship(d, input.properties, throwVerdict(verdict!));
    return createFeature(trx, d, { geometry: input.geometry, properties }, editContext(d, user));
  });
}

/**
 * Change a feature at `version` under the editing rules (the record before in scope, the record after obeying every
 * rule; a move without a township code takes the township of its new location), audited, then published.
 * @example const outcome = await changeEdit(deps, LAYERS.shelters, user, 3, { version: 1, properties: { status: 'open' } })
 */
export function changeEdit(deps: EditingDeps, d: LayerDescriptor, user: SessionUser, id: number, input: FeatureInput & { version: number }): Promise<EditResult> {
  const tolerances = deps.config.domain.geometry;
  return editTransaction(deps, async (trx) => {
    const current = await readFeatureForEdit(trx, d, id, { forUpdate: true });
    let properties = input.properties;
    if (current && !current.deletedAt && current.version === input.version) {
      await checkCurrentInScope(trx, d, user, current.feature, tolerances);
      const moved = input.geometry !== undefined && !Object.hasOwn(input.properties, 'townshipCode');
      const after: Feature = {
        type: 'Feature',
        geometry: input.geometry ?? current.feature.geometry,
        properties: { ...current.feature.properties, ...input.properties, ...(moved ? { townshipCode: null } : {}) },
      };
      const [verdict] = await featureRules(trx, d, user, [after], tolerances, { shapesChecked: true });
      const code = throwVerdict(verdict!);
      if (moved || Object.hasOwn(input.properties, 'townshipCode')) properties = withTownship(d, input.properties, code);
    }
    return updateFeature(trx, d, id, input.version, { ...input, properties }, editContext(d, user));
  });
}

/**
 * Soft-delete a feature at `version` (the record in the user's scope), audited, then published.
 * @example const outcome = await deleteEdit(deps, LAYERS.shelters, user, 3, 2)
 */
export function deleteEdit(deps: EditingDeps, d: LayerDescriptor, user: SessionUser, id: number, version: number): Promise<EditResult> {
  return editTransaction(deps, async (trx) => {
    await currentInScope(deps, trx, d, user, id);
    return deleteFeature(trx, d, id, version, editContext(d, user));
  });
}

/**
 * Bring back a soft-deleted feature (at `version` when given; the record in the user's scope), audited, then published.
 * @example const outcome = await restoreEdit(deps, LAYERS.shelters, user, 3, undefined)
 */
export function restoreEdit(deps: EditingDeps, d: LayerDescriptor, user: SessionUser, id: number, version: number | undefined): Promise<EditResult> {
  return editTransaction(deps, async (trx) => {
    await currentInScope(deps, trx, d, user, id);
    return restoreFeature(trx, d, id, version, editContext(d, user));
  });
}

/** The properties with the township code the rules settled on (layers with a township only). */
function withTownship(d: LayerDescriptor, properties: Record<string, unknown>, code: string | null | undefined): Record<string, unknown> {
  if (!d.columns.includes('township_code') || code === undefined) return properties;
  return { ...properties, townshipCode: code };
}

async function currentInScope(deps: EditingDeps, trx: Kysely<Database>, d: LayerDescriptor, user: SessionUser, id: number): Promise<void> {
  const current = await readFeatureForEdit(trx, d, id, { forUpdate: true });
  if (current) await checkCurrentInScope(trx, d, user, current.feature, deps.config.domain.geometry);
}
