import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { GEOJSON_TYPE, JSON_TYPE, LayerIdParam, editorsOnly, errorAnswer } from './common.js';
import { LAYER_IDS } from '../enums-facilities.js';
import { FeatureVersion, createFeatureSchema, patchFeatureSchema, storedFeatureSchema } from '../features/layer-schemas.js';

const LayerParams = z.object({ id: LayerIdParam });
/** A feature id in a path: a malformed or unknown id is answered 404 `not_found` by the handler. */
const FeatureParams = z.object({ id: LayerIdParam, featureId: z.string().describe('feature id (a positive integer)') });
const VersionQuery = z.object({ version: z.string().regex(/^\d+$/).optional().describe('the version read (or send {"version": n} as the body)') });

const perLayer = <T extends z.ZodType>(schemaOf: (layer: (typeof LAYER_IDS)[number]) => T) => z.union(LAYER_IDS.map((l) => schemaOf(l).describe(l)));

/** Body of a create: a GeoJSON Feature of the layer in the path, its properties checked against that layer's schema (one branch per layer). */
export const CreateFeatureBody = perLayer(createFeatureSchema);
/** Body of a change: the version read and changed properties and/or geometry of the layer in the path (one branch per layer). */
export const PatchFeatureBody = perLayer(patchFeatureSchema);
/** A stored feature as an edit answers it: every property of its layer, its version and deletedAt (one branch per layer). */
export const EditedFeature = perLayer(storedFeatureSchema);
export const VersionBody = z.object({ version: FeatureVersion.optional() });

const errors = {
  400: errorAnswer('invalid input; details.fields name the field, e.g. properties.status or geometry (code invalid_input)'),
  ...editorsOnly,
  403: errorAnswer('not a planner or admin (forbidden), or outside the planner’s township scope (outside_scope)'),
  404: errorAnswer('unknown layer (unknown_layer) or feature (not_found)'),
  409: errorAnswer('stale version: details.current is the current record (version_conflict); duplicate code (duplicate); deleted (deleted) or not deleted (not_deleted)'),
} as const;
const answer = (description: string) => ({ description, contentType: GEOJSON_TYPE, schema: EditedFeature });
const tags = ['editing'];
/** The layer is in the path: the handler validates the body against that layer's branch. */
const byHandler = { validatedBy: 'handler' } as const;

export const featureCreate = defineRoute({
  method: 'POST', path: '/api/layers/:id', access: 'editors', tags,
  summary: 'Create a feature (planner, admin): a GeoJSON Feature validated per layer, inside the county',
  params: LayerParams,
  body: { contentType: JSON_TYPE, schema: CreateFeatureBody, ...byHandler },
  responses: { 201: answer('the stored feature at version 1'), ...errors },
  example: { path: '/api/layers/shelters', body: {} },
});

export const featureChange = defineRoute({
  method: 'PATCH', path: '/api/layers/:id/:featureId', access: 'editors', tags,
  summary: 'Change properties and/or geometry, sending the version read (planner, admin)',
  params: FeatureParams,
  body: { contentType: JSON_TYPE, schema: PatchFeatureBody, ...byHandler },
  responses: { 200: answer('the feature, version + 1'), ...errors },
  example: { path: '/api/layers/shelters/999999', body: {} },
});

export const featureDelete = defineRoute({
  method: 'DELETE', path: '/api/layers/:id/:featureId', access: 'editors', tags,
  summary: 'Soft-delete a feature, sending the version read (planner, admin); restorable',
  params: FeatureParams,
  query: VersionQuery,
  body: { contentType: JSON_TYPE, schema: VersionBody, ...byHandler },
  responses: { 200: answer('the feature with deletedAt'), ...errors },
  example: { path: '/api/layers/shelters/999999', body: {} },
});

export const featureRestore = defineRoute({
  method: 'POST', path: '/api/layers/:id/:featureId/restore', access: 'editors', tags,
  summary: 'Restore a soft-deleted feature (planner, admin)',
  params: FeatureParams,
  query: VersionQuery,
  body: { contentType: JSON_TYPE, schema: VersionBody, ...byHandler },
  responses: { 200: answer('the feature, version + 1'), ...errors },
  example: { path: '/api/layers/shelters/999999/restore', body: {} },
});

export const EDIT_ROUTES = [featureCreate, featureChange, featureDelete, featureRestore] as const;
