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

/**
 * Hide labels that would overlap one already shown (rectangles in screen pixels, `rects` in
 * priority order); returns which are visible. @example visibleWithoutOverlap([{x:0,y:0,w:10,h:5},{x:5,y:2,w:10,h:5}]) → [true,false]
 */
export function visibleWithoutOverlap(rects: readonly { x: number; y: number; w: number; h: number }[], gap = 2): boolean[] {
  const shown: { x: number; y: number; w: number; h: number }[] = [];
  return rects.map((r) => {
    const hit = shown.some((o) => r.x < o.x + o.w + gap && o.x < r.x + r.w + gap && r.y < o.y + o.h + gap && o.y < r.y + r.h + gap);
    if (!hit) shown.push(r);
    return !hit;
  });
}

/**
 * Add one label marker per area (CSS class `className`), the more populous first; a label that would
 * overlap one already placed is hidden until zooming in makes room. Returns a function that removes them.
 */
export function addTownshipLabels(ml: MapLibre, map: MlMap, areas: readonly Area[], className = 'township-label'): () => void {
  const markers: Marker[] = [];
  const ordered = [...areas].sort((a, b) => Number((b.properties as { population?: number }).population ?? 0) - Number((a.properties as { population?: number }).population ?? 0));
  for (const t of ordered) {
    const at = labelPoint(t);
    if (!at) continue;
    const el = document.createElement('div');
    el.className = className;
    el.textContent = t.properties.name;
    el.dataset.zh = t.properties.name;
    el.setAttribute('aria-hidden', 'true');
    markers.push(new ml.Marker({ element: el, anchor: 'center' }).setLngLat(at).addTo(map));
  }
  const declutter = () => {
    const rects = markers.map((m) => {
      const el = m.getElement();
      const p = map.project(m.getLngLat());
      const w = el.offsetWidth || el.textContent!.length * 14;
      const h = el.offsetHeight || 18;
      return { x: p.x - w / 2, y: p.y - h / 2, w, h };
    });
    visibleWithoutOverlap(rects).forEach((v, i) => (markers[i]!.getElement().style.visibility = v ? '' : 'hidden'));
  };
  declutter();
  map.on('moveend', declutter);
  map.on('resize', declutter);
  return () => {
    map.off('moveend', declutter);
    map.off('resize', declutter);
    markers.forEach((m) => m.remove());
  };
}
