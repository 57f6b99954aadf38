/** Area names (townships, neighbouring counties) as HTML markers: works offline with no glyph server, and uses the system's CJK font. */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Map as MlMap, Marker } from 'maplibre-gl';
import { bboxCentre, bboxOf, seatLonLat } from '../common/geo-math.js';
import type { MapLibre } from './load-maplibre.js';

type Area = Feature<Polygon | MultiPolygon, { name: string; seat?: unknown }>;

/** Where an area's name goes: its seat when known, else its bounding-box centre. */
export function labelPoint(f: Area): [number, number] | null {
  const seat = seatLonLat(f.properties.seat);
  if (seat) return seat;
  const b = bboxOf([f.geometry]);
  return b ? bboxCentre(b) : null;
}

/** Add one label marker per area (CSS class `className`); returns a function that removes them. */
export function addTownshipLabels(ml: MapLibre, map: MlMap, areas: readonly Area[], className = 'township-label'): () => void {
  const markers: Marker[] = [];
  for (const t of areas) {
    const at = labelPoint(t);
    if (!at) continue;
    const el = document.createElement('div');
    el.className = className;
    el.textContent = t.properties.name;
    el.setAttribute('aria-hidden', 'true');
    markers.push(new ml.Marker({ element: el, anchor: 'center' }).setLngLat(at).addTo(map));
  }
  return () => markers.forEach((m) => m.remove());
}
