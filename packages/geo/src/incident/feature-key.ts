import type { FeatureKey } from './types.js';

/**
 * The identity of a feature in incident results: `feature.id` (the database id), else
 * `properties.id`, else `properties.code`.
 * @example featureKey({ type: 'Feature', id: 7, properties: { code: 'SH-001' }, geometry: null }) // → 7
 */
export function featureKey(feature: { id?: string | number; properties: unknown }): FeatureKey {
  const p = (feature.properties ?? {}) as { id?: FeatureKey; code?: string };
  const key = feature.id ?? p.id ?? p.code;
  if (key === undefined) throw new Error('featureKey: a feature has neither id nor properties.id nor properties.code');
  return key;
}
