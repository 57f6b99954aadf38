/** The hidden-hazard map layer: open hazards by grade (重大 larger, red), overdue ringed in purple. Shared by the command map and the hazard screen. */
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MlMap } from 'maplibre-gl';

export const HAZARD_LAYER_IDS = ['hidden-hazards-overdue', 'hidden-hazards', 'hidden-hazard-flags'];
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export const HAZARD_COLOURS = { general: '#f39c12', major: '#c0392b', overdue: '#7b1fa2', flag: '#c0392b' };

function layers(): LayerSpecification[] {
  return [
    { id: 'hidden-hazard-flags', type: 'circle', source: 'hidden-hazard-flags', paint: { 'circle-radius': 13, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': HAZARD_COLOURS.flag, 'circle-stroke-width': 2.5, 'circle-stroke-opacity': 0.9 } },
    {
      id: 'hidden-hazards-overdue', type: 'circle', source: 'hidden-hazards', filter: ['==', ['get', 'overdue'], true],
      paint: { 'circle-radius': ['match', ['get', 'grade'], 'major', 11, 8], 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': HAZARD_COLOURS.overdue, 'circle-stroke-width': 3 },
    },
    {
      id: 'hidden-hazards', type: 'circle', source: 'hidden-hazards',
      paint: {
        'circle-radius': ['match', ['get', 'grade'], 'major', 7, 4.5],
        'circle-color': ['match', ['get', 'grade'], 'major', HAZARD_COLOURS.major, HAZARD_COLOURS.general],
        'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1,
      },
    },
  ];
}

/** Add (once) and fill the hazard sources: `hazards` as drawn, `flags` = risk points with an open 重大 hazard. */
export function showHazards(map: MlMap, hazards: FeatureCollection | null, flags: FeatureCollection | null, beforeId?: string): void {
  if (!map.getSource('hidden-hazards')) {
    map.addSource('hidden-hazards', { type: 'geojson', data: EMPTY });
    map.addSource('hidden-hazard-flags', { type: 'geojson', data: EMPTY });
    for (const l of layers()) map.addLayer(l, beforeId && map.getLayer(beforeId) ? beforeId : undefined);
  }
  (map.getSource('hidden-hazards') as GeoJSONSource).setData(hazards ?? EMPTY);
  (map.getSource('hidden-hazard-flags') as GeoJSONSource).setData(flags ?? EMPTY);
}
