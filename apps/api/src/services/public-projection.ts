import type { Feature, FeatureCollection } from 'geojson';
import { LAYERS, toCamel, type LayerDescriptor } from '@riskmap/db';
import type { LayerId } from '@riskmap/geo';

/**
 * The public projection of a layer, the one rule every anonymous output follows (layers, OGC, tiles and exports read
 * it in SQL from the same descriptor: `publicColumns` and the `is_public` row flag): which rows the public may see
 * (none for a non-public layer; shelters only with isPublic) and which properties (the public columns, camelCase).
 */
export interface PublicProjection {
  d: LayerDescriptor;
  /** False for a layer the public may not read at all. */
  readable: boolean;
  /** Property names (camelCase) the public may see. */
  properties: ReadonlySet<string>;
  /** Whether a stored feature (all properties) is a row the public may see. */
  rowVisible(f: Feature): boolean;
}

const cache = new Map<LayerId, PublicProjection>();

/**
 * The public projection of layer `id`.
 * @example publicProjection('shelters').properties.has('contactPhone') // false
 */
export function publicProjection(id: LayerId): PublicProjection {
  let hit = cache.get(id);
  if (hit) return hit;
  const d = LAYERS[id];
  const readable = d.publicColumns !== 'none';
  const properties = new Set(readable ? (d.publicColumns as readonly string[]).map(toCamel) : []);
  const flag = d.columns.includes('is_public');
  hit = { d, readable, properties, rowVisible: (f) => readable && (!flag || f.properties?.isPublic === true) };
  cache.set(id, hit);
  return hit;
}

const projected = new WeakMap<Feature, Feature>();

/**
 * A whole layer (all rows, all properties, from the layer cache) cut to its public projection. Each cached feature
 * is projected once: after a change the layer cache keeps the unchanged feature objects, so projecting the layer
 * again costs only the changed rows.
 * @example const fc = publicFeatures('shelters', await layers.get('shelters'))
 */
export function publicFeatures(id: LayerId, fc: FeatureCollection): FeatureCollection {
  const p = publicProjection(id);
  const features: Feature[] = [];
  for (const f of fc.features) {
    if (!p.rowVisible(f)) continue;
    let out = projected.get(f);
    if (!out) projected.set(f, (out = publicFeature(id, f)));
    features.push(out);
  }
  return { type: 'FeatureCollection', features };
}

/**
 * One feature with only the public properties of its layer (the row itself is not checked).
 * @example publicFeature('demand-points', f).properties // { id, code, name, sample, kind, townshipCode }
 */
export function publicFeature(id: LayerId, f: Feature): Feature {
  const p = publicProjection(id);
  const properties = Object.fromEntries(Object.entries(f.properties ?? {}).filter(([k]) => p.properties.has(k)));
  return { ...f, properties };
}

interface CoverageLike {
  uncovered: FeatureCollection;
  facilities: { code: string; name?: string }[];
}

/**
 * A coverage result as the public may read it: uncovered demand points with their public properties only, and only
 * facilities that are public rows, named but without their reach (derived from restricted turnout times) or served
 * population (one village's restricted population when a facility serves one).
 * @example res.json(publicCoverage(result, 'fire-stations', await layers.get('fire-stations')))
 */
export function publicCoverage<T extends CoverageLike>(result: T, facilityLayer: LayerId, facilities: FeatureCollection): T {
  const p = publicProjection(facilityLayer);
  const visible = new Set(facilities.features.filter((f) => p.rowVisible(f)).map((f) => String(f.properties?.code)));
  return {
    ...result,
    uncovered: { ...result.uncovered, features: result.uncovered.features.map((f) => publicFeature('demand-points', f)) },
    facilities: result.facilities.filter((f) => visible.has(String(f.code))).map((f) => ({ code: f.code, name: f.name })),
  };
}
