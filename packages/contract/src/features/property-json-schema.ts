import { z } from 'zod';
import type { LAYER_IDS } from '../enums-facilities.js';
import { LAYER_SCHEMAS } from './layer-schemas.js';

type LayerId = (typeof LAYER_IDS)[number];

/** A JSON Schema (2020-12) fragment describing one property. */
export type PropertyJsonSchema = Record<string, unknown>;

const WRAPPERS = new Set(['nullable', 'optional', 'default']);

/** The value schema inside nullable / optional / default (whether a stored value may be null is said by `required`). */
function bare(s: z.ZodType): z.ZodType {
  let t = s;
  while (WRAPPERS.has(t.def.type)) t = (t as unknown as { unwrap(): z.ZodType }).unwrap();
  return t;
}

/**
 * The JSON Schema of one editable property of a layer, from the zod schema the API validates it with (@riskmap/contract
 * layer-props): its type, enumeration, bounds, lengths, items and nested objects, and its description. Null is left out
 * (the enclosing schema's `required` says which properties always hold a value); undefined for a key the layer's
 * properties do not have.
 * @example propertyJsonSchema('shelters', 'status') // { type: 'string', enum: ['planned', 'built', 'open', 'closed'] }
 */
export function propertyJsonSchema(layer: LayerId, key: string): PropertyJsonSchema | undefined {
  const id = `${layer}\u0000${key}`;
  if (!made.has(id)) made.set(id, convert(layer, key));
  const out = made.get(id);
  return out && structuredClone(out); // a copy: callers may add to what they get
}

/** The zod schemas are constants: each property is converted once (the OGC API document asks for every layer's). */
const made = new Map<string, PropertyJsonSchema | undefined>();

function convert(layer: LayerId, key: string): PropertyJsonSchema | undefined {
  const s = (LAYER_SCHEMAS[layer].properties.shape as Record<string, z.ZodType>)[key];
  if (!s) return undefined;
  const { $schema: _, ...out } = z.toJSONSchema(bare(s), { unrepresentable: 'any', io: 'output' }) as PropertyJsonSchema;
  return s.description && out.description === undefined ? { ...out, description: s.description } : out;
}
