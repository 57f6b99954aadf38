import type { Geometry } from 'geojson';

/** One field an update-by-code row changes: the stored value and the file's. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

const EPS = 1e-7; // degrees, about 1 cm

function sameNumber(a: unknown, b: unknown): boolean {
  return typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= Math.max(1e-9, Math.abs(a) * 1e-12);
}

/** Deep equality of stored and file values: numbers to rounding, positions to 1e-7°, key order ignored. */
export function sameValue(a: unknown, b: unknown, tolerance = 0): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined || a === '') && (b === null || b === undefined || b === '')) return true;
  if (typeof a === 'number' && typeof b === 'number') return tolerance ? Math.abs(a - b) <= tolerance : sameNumber(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i], tolerance));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], tolerance));
  }
  return false;
}

/** Same geometry to about 1 cm (a re-imported export's rounding is no change). */
export function sameGeometry(a: Geometry | null | undefined, b: Geometry | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.type === b.type && sameValue((a as { coordinates?: unknown }).coordinates, (b as { coordinates?: unknown }).coordinates, EPS);
}

const GEOMETRY_PROPS = new Set(['seat', 'site', 'boundary']);

/** A point property may be [lon, lat] or a GeoJSON Point. */
const asGeometry = (v: unknown): Geometry | null => (Array.isArray(v) ? { type: 'Point', coordinates: v as number[] } : ((v as Geometry | null | undefined) ?? null));

/**
 * The fields a file row changes on a stored feature: only fields the file carries, stored vs file value.
 * @example fieldChanges({ capacity: 800, name: 'A' }, { capacity: 900, name: 'A' }) // [{ field: 'capacity', old: 800, new: 900 }]
 */
export function fieldChanges(stored: Record<string, unknown>, file: Record<string, unknown>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, value] of Object.entries(file)) {
    if (field === 'version' || field === 'id') continue;
    const old = stored[field];
    const same = GEOMETRY_PROPS.has(field) ? sameGeometry(asGeometry(old), asGeometry(value)) : sameValue(old, value);
    if (!same) out.push({ field, old: old ?? null, new: value });
  }
  return out;
}
