import type { IncidentType } from './types.js';

/**
 * The scenario a hazard source most plausibly raises, from its substances: a toxic gas → a toxic
 * release; otherwise explosives or a flammable gas → an explosion; otherwise (flammable liquids,
 * other) → a fire.
 * @example incidentTypeForSubstances([{ category: 'toxic-gas' }]) // → 'toxic-release'
 */
export function incidentTypeForSubstances(substances: readonly { category?: string }[] | null | undefined): IncidentType {
  const categories = new Set((substances ?? []).map((s) => s.category));
  if (categories.has('toxic-gas')) return 'toxic-release';
  if (categories.has('explosive') || categories.has('flammable-gas')) return 'explosion';
  return 'fire';
}
