/**
 * The planning sheet's area: the county, or one township the planner chose. The sheet's map fits the
 * area's outline and its tables keep the area's rows of the answers already computed (the per-capita
 * and coverage routes): this only selects rows, it never computes a figure again.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { bboxOf, type BBox } from '../common/geo-math.js';
import type { PerCapitaAnswer } from './per-capita-logic.js';

export interface SheetArea {
  /** Township code, or null for the whole county. */
  townshipCode: string | null;
  name: string | null;
  bounds: BBox | null;
}

type Townships = FeatureCollection<Geometry, { code: string; name: string }> | null | undefined;

/** The chosen area: the township's outline and name, or the county's (every township) when `code` is null or unknown. */
export function sheetArea(townships: Townships, code: string | null): SheetArea {
  const all = townships?.features ?? [];
  const f = code === null ? undefined : all.find((x) => x.properties.code === code);
  if (!f) return { townshipCode: null, name: null, bounds: all.length ? bboxOf(all.map((x) => x.geometry)) : null };
  return { townshipCode: f.properties.code, name: f.properties.name, bounds: bboxOf([f.geometry]) };
}

/**
 * The per-capita answer as the sheet shows it: for a township, its own row (the county row stays as
 * the reference total; the county-town row only when the township is part of it).
 */
export function sheetPerCapita(answer: PerCapitaAnswer, area: SheetArea, urbanCodes: ReadonlySet<string>): PerCapitaAnswer {
  if (area.townshipCode === null) return answer;
  return { ...answer, townships: answer.townships.filter((r) => r.townshipCode === area.townshipCode), countyTown: urbanCodes.has(area.townshipCode) ? answer.countyTown : null };
}

/** Shelters of the area (by their township code), for the capacity check. */
export function sheetShelters<T extends { properties: { townshipCode?: string | null } }>(features: readonly T[], area: SheetArea): T[] {
  return area.townshipCode === null ? [...features] : features.filter((f) => f.properties.townshipCode === area.townshipCode);
}
