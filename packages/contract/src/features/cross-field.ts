import type { LAYER_IDS } from '../enums-facilities.js';

type LayerId = (typeof LAYER_IDS)[number];

/** Layers whose effective area is bounded by another area property of the same record (effective ≤ total). */
export const AREA_BOUND: Readonly<Partial<Record<LayerId, 'totalAreaM2' | 'areaM2'>>> = { shelters: 'totalAreaM2', 'candidate-sites': 'areaM2' };

/** A rule across properties of one record that a value breaks: the field at fault, the rule and its figures. */
export interface CrossFieldIssue {
  field: 'effectiveAreaM2';
  rule: 'effectiveOverTotal';
  bound: 'totalAreaM2' | 'areaM2';
  effectiveAreaM2: number;
  boundM2: number;
}

/**
 * The rules across properties of the record an edit would commit (the database checks the same, e.g.
 * `shelters_effective_le_total`): the effective area is at most the total area. Values compare as `Number` reads them
 * (an absent one never breaks the rule); what each value may be is the per-field schemas' concern. The API's editing
 * and import and the web form's check call this one function.
 * @example crossFieldIssues('shelters', { totalAreaM2: 100, effectiveAreaM2: 120 }) // [{ field: 'effectiveAreaM2', rule: 'effectiveOverTotal', … }]
 */
export function crossFieldIssues(layer: LayerId, p: Readonly<Record<string, unknown>>): CrossFieldIssue[] {
  const bound = AREA_BOUND[layer];
  if (!bound) return [];
  const effective = Number(p.effectiveAreaM2);
  const total = Number(p[bound]);
  return effective > total ? [{ field: 'effectiveAreaM2', rule: 'effectiveOverTotal', bound, effectiveAreaM2: effective, boundM2: total }] : [];
}
