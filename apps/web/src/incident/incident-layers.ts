/** Map layers of the incident tool: zones (nested, innermost on top), evacuation lines, the incident and the shelters used. */
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MlMap } from 'maplibre-gl';
import type { Impact } from './types.js';
import { ZONE_COLOURS } from './incident-logic.js';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const SOURCES = ['incident-zones', 'incident-lines', 'incident-points'] as const;
const zoneColour = ['match', ['get', 'rank'], 0, ZONE_COLOURS[0]!, 1, ZONE_COLOURS[1]!, 2, ZONE_COLOURS[2]!, ZONE_COLOURS[3]!] as const;

export const INCIDENT_LAYERS: LayerSpecification[] = [
  { id: 'incident-zones-fill', type: 'fill', source: 'incident-zones', paint: { 'fill-color': zoneColour as never, 'fill-opacity': 0.28 } },
  { id: 'incident-zones-line', type: 'line', source: 'incident-zones', paint: { 'line-color': zoneColour as never, 'line-width': 2 } },
  {
    id: 'incident-lines',
    type: 'line',
    source: 'incident-lines',
    layout: { 'line-cap': 'round' },
    paint: { 'line-color': '#1a5fb4', 'line-width': ['interpolate', ['linear'], ['get', 'people'], 0, 1.5, 2000, 5], 'line-dasharray': [2, 1.5] },
  },
  {
    id: 'incident-points',
    type: 'circle',
    source: 'incident-points',
    paint: {
      'circle-radius': ['match', ['get', 'kind'], 'incident', 9, 'village', 4.5, 13],
      // Villages in the zones: filled, dark violet when evacuated, amber when sheltering in place.
      'circle-color': ['match', ['get', 'kind'], 'incident', '#b2182b', 'village', ['case', ['get', 'evacuate'], '#542788', '#fdb863'], 'rgba(0,0,0,0)'],
      'circle-stroke-color': ['match', ['get', 'kind'], 'incident', '#ffffff', 'unsafe', '#b2182b', 'village', '#1a1a1a', '#1a9850'],
      'circle-stroke-width': ['match', ['get', 'kind'], 'village', 1, 3],
    },
  },
];

/** Add the (empty) incident sources and layers below the point symbols (`beforeId`). */
export function installIncidentLayers(map: MlMap, beforeId?: string): void {
  for (const id of SOURCES) map.addSource(id, { type: 'geojson', data: EMPTY });
  for (const l of INCIDENT_LAYERS) map.addLayer(l, l.id === 'incident-points' ? undefined : beforeId);
}

/** Features of the incident point, the villages in the zones, the safe shelters used and the unsafe ones (ringed). */
export function impactPoints(r: Impact, shelterLonLat: (id: number | string) => [number, number] | undefined): FeatureCollection {
  const pt = (coordinates: [number, number], kind: string) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates }, properties: { kind } });
  const unsafe = r.unsafeShelters.flatMap((s) => {
    const at = shelterLonLat(s.id);
    return at ? [pt(at, 'unsafe')] : [];
  });
  const villages = r.villages.map((v) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: v.lonLat }, properties: { kind: 'village', evacuate: v.evacuate, name: v.name } }));
  return { type: 'FeatureCollection', features: [...villages, ...r.safeShelters.filter((s) => s.allocated > 0).map((s) => pt(s.lonLat, 'safe')), ...unsafe, pt(r.scenario.location, 'incident')] };
}

/** Draw an answer (zones outermost first so inner zones lie on top), or clear with null. */
export function showImpact(map: MlMap, r: Impact | null, points: FeatureCollection = EMPTY): void {
  const set = (id: string, fc: FeatureCollection) => (map.getSource(id) as GeoJSONSource | undefined)?.setData(fc);
  if (!r) return SOURCES.forEach((id) => void set(id, EMPTY));
  void set('incident-zones', { type: 'FeatureCollection', features: [...r.zones.features].sort((a, b) => b.properties.rank - a.properties.rank) });
  void set('incident-lines', r.allocationLines);
  void set('incident-points', points);
}
