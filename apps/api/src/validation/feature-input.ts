import { z } from 'zod';
import type { Geometry } from 'geojson';
import type { LayerId } from '@riskmap/geo';
import { FeatureVersion, SERVER_OWNED, createFeatureSchema, patchFeatureSchema } from '@riskmap/contract';

export interface FeatureInput {
  geometry?: Geometry;
  properties: Record<string, unknown>;
}

function withoutServerOwned(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k]) => !(SERVER_OWNED as readonly string[]).includes(k)));
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
  const schema = z.object({ version: required ? FeatureVersion : FeatureVersion.optional() });
  return schema.parse({ version: raw }).version;
}
