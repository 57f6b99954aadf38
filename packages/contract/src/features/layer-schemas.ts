import { z } from 'zod';
import type { LAYER_IDS } from '../enums-facilities.js';
import { MultiPolygonSchema, PointSchema, PolygonSchema } from './geometry.js';
import { CandidateSiteProps, DemandPointProps, FireStationProps, HazardSourceProps, HiddenHazardProps, RiskPointProps, ShelterProps, TownshipProps, WarehouseProps } from './layer-props.js';

type LayerId = (typeof LAYER_IDS)[number];
type AnyProps = z.ZodObject<z.ZodRawShape, z.core.$strict>;

export interface LayerSchema {
  properties: AnyProps;
  /** Properties a new feature must carry (the rest take the database defaults). */
  required: readonly string[];
  geometry: z.ZodType;
}

/** A layer's schema, its required keys checked against its properties. */
const layer = <P extends AnyProps>(s: { properties: P; required: readonly (keyof P['shape'] & string)[]; geometry: z.ZodType }) => s;

const SCHEMAS = {
  townships: layer({ properties: TownshipProps, required: ['code', 'name', 'population', 'kind'], geometry: z.union([PolygonSchema, MultiPolygonSchema]) }),
  'risk-points': layer({
    properties: RiskPointProps,
    required: ['code', 'name', 'industry', 'assessmentMethod', 'score', 'level', 'methodVersion'],
    geometry: z.union([PointSchema, PolygonSchema]),
  }),
  'hazard-sources': layer({ properties: HazardSourceProps, required: ['code', 'name'], geometry: PointSchema }),
  shelters: layer({
    properties: ShelterProps,
    required: ['code', 'name', 'shelterClass', 'siteType', 'totalAreaM2', 'effectiveAreaM2', 'capacity', 'status'],
    geometry: PointSchema,
  }),
  warehouses: layer({ properties: WarehouseProps, required: ['code', 'name', 'level'], geometry: PointSchema }),
  'fire-stations': layer({ properties: FireStationProps, required: ['code', 'name', 'stationType'], geometry: PointSchema }),
  'demand-points': layer({ properties: DemandPointProps, required: ['code', 'name', 'kind', 'townshipCode', 'population'], geometry: PointSchema }),
  'candidate-sites': layer({ properties: CandidateSiteProps, required: ['code', 'name', 'siteType', 'areaM2', 'effectiveAreaM2'], geometry: PointSchema }),
  'hidden-hazards': layer({ properties: HiddenHazardProps, required: ['code', 'name', 'category', 'grade', 'discoverySource', 'foundOn'], geometry: PointSchema }),
} as const satisfies Record<LayerId, unknown>;

/** Per layer: the property schema, the required properties on create, and the geometry schema. */
export const LAYER_SCHEMAS: Readonly<Record<LayerId, LayerSchema>> = SCHEMAS as unknown as Record<LayerId, LayerSchema>;

/** The editable properties of a layer's features, as the API takes them (e.g. `LayerProperties<'shelters'>['status']`). */
export type LayerProperties<L extends LayerId> = z.output<(typeof SCHEMAS)[L]['properties']>;

/** Properties a client may send back from a read but that the server owns: accepted and ignored. */
export const SERVER_OWNED = ['id', 'version', 'createdAt', 'updatedAt', 'deletedAt', 'stock'] as const;
const IGNORED = Object.fromEntries(SERVER_OWNED.map((k) => [k, z.unknown().optional().describe('ignored: set by the server')]));

/** The version of the feature a change was made on. */
export const FeatureVersion = z.number({ error: 'the version you read is required' }).int().positive().describe('the version of the feature you read (optimistic concurrency)');

/**
 * The zod schema of a new feature of a layer (`POST /api/layers/:id`): a GeoJSON Feature with the required properties.
 * @example createFeatureSchema('shelters').parse(body)
 */
export function createFeatureSchema(layer: LayerId) {
  const s = LAYER_SCHEMAS[layer];
  const required = Object.fromEntries(s.required.map((k) => [k, s.properties.shape[k]!]));
  return z.object({
    type: z.literal('Feature'),
    id: z.unknown().optional(),
    geometry: s.geometry,
    properties: s.properties.partial().extend(required).extend(IGNORED),
  });
}

/**
 * The zod schema of a change (`PATCH /api/layers/:id/:featureId`): the version read, and changed properties and/or geometry.
 * @example patchFeatureSchema('shelters').parse({ version: 3, properties: { status: 'open' } })
 */
export function patchFeatureSchema(layer: LayerId) {
  const s = LAYER_SCHEMAS[layer];
  return z.object({
    type: z.literal('Feature').optional(),
    id: z.unknown().optional(),
    version: FeatureVersion,
    geometry: s.geometry.optional(),
    properties: s.properties.partial().extend(IGNORED).optional(),
  });
}

/**
 * The zod schema of a stored feature of a layer as an edit answers it: its id, geometry, every property of the layer
 * (as the database holds it: defaults filled in) and the server's own (version, createdAt, updatedAt, deletedAt).
 * @example storedFeatureSchema('shelters').parse(answer)
 */
export function storedFeatureSchema(layer: LayerId) {
  const s = LAYER_SCHEMAS[layer];
  return z.object({
    type: z.literal('Feature'),
    id: z.union([z.number(), z.string()]),
    geometry: s.geometry,
    properties: s.properties.extend({
      version: z.number().int().positive().describe('the record version (optimistic concurrency)'),
      createdAt: z.string().describe('ISO 8601 date-time').optional(),
      updatedAt: z.string().describe('ISO 8601 date-time').optional(),
      deletedAt: z.string().describe('ISO 8601 date-time').nullable(),
    }).loose(),
  });
}

/**
 * The zod schema of a feature of a layer as a read lists it: a stored feature whose properties may be a projection
 * (`?fields=`, or the public properties for an anonymous reader).
 * @example readFeatureSchema('shelters').parse(page.features[0])
 */
export function readFeatureSchema(layer: LayerId) {
  const stored = storedFeatureSchema(layer);
  return stored.extend({ geometry: LAYER_SCHEMAS[layer].geometry.nullable(), properties: stored.shape.properties.partial() });
}
