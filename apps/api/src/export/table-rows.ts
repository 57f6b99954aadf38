import type { FeatureCollection } from 'geojson';

/** A layer as a table: headings and rows of plain cell values. */
export interface Table {
  headings: string[];
  rows: (string | number | boolean | null)[][];
}

function cell(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/**
 * Flatten a FeatureCollection into a table the importer reads back: one column per property (objects and arrays as
 * JSON text), then `lon`/`lat` for points or `geometry` (GeoJSON text) for other shapes.
 * @example toTable(fc).headings // ['id', 'code', 'name', …, 'lon', 'lat']
 */
export function toTable(fc: FeatureCollection): Table {
  const keys: string[] = [];
  for (const f of fc.features) for (const k of Object.keys(f.properties ?? {})) if (!keys.includes(k)) keys.push(k);
  const allPoints = fc.features.every((f) => f.geometry?.type === 'Point');
  const headings = [...keys, ...(allPoints ? ['lon', 'lat'] : ['geometry'])];
  const rows = fc.features.map((f) => {
    const props = f.properties ?? {};
    const values = keys.map((k) => cell(props[k]));
    if (allPoints) {
      const [lon, lat] = f.geometry?.type === 'Point' ? f.geometry.coordinates : [];
      return [...values, lon ?? null, lat ?? null];
    }
    return [...values, f.geometry ? JSON.stringify(f.geometry) : null];
  });
  return { headings, rows };
}
