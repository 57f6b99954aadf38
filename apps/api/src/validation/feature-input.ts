import { z } from 'zod';
import type { Geometry } from 'geojson';
import type { LayerId } from '@riskmap/geo';
import { LAYER_SCHEMAS } from './feature-schemas.js';

/** Properties a client may send back from a read but that the server owns: accepted and ignored. */
const SERVER_OWNED = ['id', 'version', 'createdAt', 'updatedAt', 'deletedAt', 'stock'] as const;
const IGNORED = Object.fromEntries(SERVER_OWNED.map((k) => [k, z.unknown().optional().describe('ignored: set by the server')]));

export interface FeatureInput {
  geometry?: Geometry;
  properties: Record<string, unknown>;
}

const Version = z.number({ error: 'the version you read is required' }).int().positive().describe('the version of the feature you read (optimistic concurrency)');

function withoutServerOwned(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k]) => !(SERVER_OWNED as readonly string[]).includes(k)));
}

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
    version: Version,
    geometry: s.geometry.optional(),
    properties: s.properties.partial().extend(IGNORED).optional(),
  });
}

/**
 * Parse a create body into geometry + properties (throws ZodError naming the field, e.g. `properties.status`).
 * @example const input = parseCreate('shelters', req.body)
 */
export function parseCreate(layer: LayerId, body: unknown): FeatureInput {
  const parsed = createFeatureSchema(layer).parse(body);
  return { geometry: parsed.geometry as Geometry, properties: withoutServerOwned(parsed.properties) };
}

/**
 * Parse a patch body into the version read plus the changed geometry/properties.
 * @example const { version, properties } = parsePatch('shelters', { version: 2, properties: { capacity: 800 } })
 */
export function parsePatch(layer: LayerId, body: unknown): FeatureInput & { version: number } {
  const parsed = patchFeatureSchema(layer).parse(body);
  return {
    version: parsed.version,
    ...(parsed.geometry ? { geometry: parsed.geometry as Geometry } : {}),
    properties: withoutServerOwned(parsed.properties ?? {}),
  };
}

/**
 * The version of a delete or restore: from the JSON body `{version}` or the `?version=` query.
 * @example parseVersion(req.body, req.query.version, true) // 3
 */
export function parseVersion(body: unknown, query: unknown, required: boolean): number | undefined {
  const fromBody = body && typeof body === 'object' ? (body as { version?: unknown }).version : undefined;
  const raw = fromBody ?? (typeof query === 'string' ? Number(query) : undefined);
  const schema = z.object({ version: required ? Version : Version.optional() });
  return schema.parse({ version: raw }).version;
}
