/** Sources and layers of the planning map (plain specs; `installPlanningLayers` adds them once the base style is loaded). */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, Map as MlMap } from 'maplibre-gl';
import { REACH_COLOURS } from './coverage-logic.js';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
export const PLANNING_SOURCES = ['pc', 'reach', 'uncovered', 'shelters', 'fire-stations', 'warehouses', 'proposed', 'uncoverable', 'compare', 'draft'] as const;
export type PlanningSource = (typeof PLANNING_SOURCES)[number];

/** Layers that answer a click (facilities and proposed sites). */
export const PICKABLE = ['shelters', 'fire-stations', 'proposed'];

const byKind = ['match', ['get', 'kind'], ...Object.entries(REACH_COLOURS).flat(), '#4575b4'] as unknown as string;

export function planningLayers(): LayerSpecification[] {
  return [
    { id: 'pc-fill', type: 'fill', source: 'pc', paint: { 'fill-color': ['get', 'fill'], 'fill-opacity': 0.72 } },
    { id: 'pc-line', type: 'line', source: 'pc', paint: { 'line-color': '#4d5b69', 'line-width': 1 } },
    { id: 'reach-fill', type: 'fill', source: 'reach', paint: { 'fill-color': byKind, 'fill-opacity': 0.16 } },
    { id: 'reach-line', type: 'line', source: 'reach', paint: { 'line-color': byKind, 'line-width': 2, 'line-opacity': 1 } },
    {
      id: 'uncovered',
      type: 'circle',
      source: 'uncovered',
      paint: { 'circle-radius': ['interpolate', ['linear'], ['get', 'population'], 0, 2, 5000, 4.5], 'circle-color': '#ff7f00', 'circle-stroke-color': '#5a2d00', 'circle-stroke-width': 0.8 },
    },
    { id: 'shelters', type: 'symbol', source: 'shelters', layout: { 'icon-image': ['concat', 'shelter-', ['get', 'status']], 'icon-size': 0.85, 'icon-allow-overlap': true, 'icon-ignore-placement': true } },
    { id: 'warehouses', type: 'symbol', source: 'warehouses', layout: { 'icon-image': 'warehouse', 'icon-size': 0.85, 'icon-allow-overlap': true, 'icon-ignore-placement': true } },
    { id: 'fire-stations', type: 'symbol', source: 'fire-stations', layout: { 'icon-image': 'fire-station', 'icon-size': 0.85, 'icon-allow-overlap': true, 'icon-ignore-placement': true } },
    {
      id: 'compare',
      type: 'circle',
      source: 'compare',
      paint: { 'circle-radius': ['match', ['get', 'slot'], 0, 12, 1, 8.5, 5], 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': ['get', 'colour'], 'circle-stroke-width': 3 },
    },
    // Demand no existing facility and no candidate can cover (LSCP / MCLP answers).
    { id: 'uncoverable', type: 'circle', source: 'uncoverable', paint: { 'circle-radius': 4, 'circle-color': '#8c8c8c', 'circle-stroke-color': '#262626', 'circle-stroke-width': 1.5 } },
    { id: 'proposed', type: 'circle', source: 'proposed', paint: { 'circle-radius': 9, 'circle-color': '#ffd400', 'circle-stroke-color': '#1a1a1a', 'circle-stroke-width': 2 } },
    { id: 'draft', type: 'circle', source: 'draft', paint: { 'circle-radius': 10, 'circle-color': 'rgba(0,229,255,0.35)', 'circle-stroke-color': '#00a3b8', 'circle-stroke-width': 3 } },
  ];
}

/** Add the planning sources (empty) and layers above the base style's townships. */
export function installPlanningLayers(map: MlMap): void {
  for (const id of PLANNING_SOURCES) map.addSource(id, { type: 'geojson', data: EMPTY });
  for (const layer of planningLayers()) map.addLayer(layer);
}
