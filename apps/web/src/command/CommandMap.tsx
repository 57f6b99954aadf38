/** Thin maplibre binding for the command map: create on mount, push data on change, remove on unmount. */
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import type { LayerSet, PointLayerId, RiskLevel, SiteConfig } from '../api/types.js';
import type { RiskMapAnswer } from '@riskmap/contract';
import { baseStyle } from '../map/base-style.js';
import type { DensePointsLayer } from '../map/dense-points.js';
import { addIcons } from '../map/icons.js';
import { loadMapLibre } from '../map/load-maplibre.js';
import { addTownshipLabels } from '../map/township-labels.js';
import { mapLocale, relabelControls } from '../map/map-locale.js';
import { relabelPlaces } from '../map/place-names-en.js';
import { useI18n } from '../i18n/index.js';
import { bboxOf } from '../common/geo-math.js';
import { installIncidentLayers, showImpact } from '../incident/incident-layers.js';
import type { Impact } from '../incident/types.js';
import { zonesBounds } from '../incident/incident-logic.js';
import { CLICKABLE, MAP_LAYERS_OF, installLayers } from './map-layers.js';
import { addDenseLayer, showRiskPoints, type DenseItem, type RiskFeature } from './risk-points.js';
import { addRiskTiles, revisionOf, RISK_TILES, tileFeatureProperties } from './risk-tiles.js';
import { showHazards } from '../hazards/hazard-map-layers.js';
import type { CommandData } from './use-command-data.js';
import type { EmapMode } from './use-emap.js';

export interface Picked {
  layer: PointLayerId | 'emap' | 'demand-points' | 'coordinates';
  properties: Record<string, unknown>;
  lonLat: [number, number];
  /** Everything under the click, top first, when more than one feature was hit (the "1 / N" chooser). */
  stack?: Picked[];
  index?: number;
}

interface Props {
  layers: Partial<LayerSet>;
  config: SiteConfig | null;
  context: CommandData['context'];
  colours: Record<RiskLevel, string>;
  visible: Record<PointLayerId | 'townships', boolean>;
  levels: Record<RiskLevel, boolean>;
  emapMode: EmapMode;
  emap: RiskMapAnswer | null;
  selected: Picked | null;
  focusBounds: [number, number, number, number] | null;
  onPick: (p: Picked | null) => void;
  /** While set, a click picks the incident location (a hazard source under the click is passed as `picked`). */
  onPickLocation: ((lonLat: [number, number], picked: Picked | null) => void) | null;
  incident: { result: Impact | null; points: FeatureCollection | undefined };
  attribution: string;
  /** Open hidden hazards and flagged risk points (signed-in roles only). */
  hiddenHazards?: { hazards: FeatureCollection | null; flags: FeatureCollection | null };
  ariaLabel?: string;
}

declare global {
  interface Window {
    __riskmap?: { map: MlMap; ready: boolean; showRiskPoints?: (features: RiskFeature[]) => 'geojson' | 'dense' | 'tiles'; incidentDrawnAt?: number; incidentPickedAt?: number | null; incidentAnsweredAt?: number };
  }
}

const setData = (map: MlMap, id: string, data: FeatureCollection) => (map.getSource(id) as GeoJSONSource | undefined)?.setData(data);
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function CommandMap(props: Props) {
  const { locale } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const attribution = useRef<{ ml: typeof import('maplibre-gl'); control: import('maplibre-gl').AttributionControl } | null>(null);
  const [readyMap, setReadyMap] = useState<MlMap | null>(null);
  const dense = useRef<DensePointsLayer<DenseItem> | null>(null);
  const handlers = useRef({ onPick: props.onPick, onPickLocation: props.onPickLocation });
  handlers.current = { onPick: props.onPick, onPickLocation: props.onPickLocation };
  const { townships } = props.layers;
  const ready = props.config !== null && townships !== undefined;

  useEffect(() => {
    if (!ready || !container.current) return;
    let disposed = false;
    let removeLabels = () => {};
    let map: MlMap | null = null;
    void loadMapLibre().then((ml) => {
      if (disposed || !container.current) return;
      const box = bboxOf(townships.features.map((f) => f.geometry));
      map = new ml.Map({
        container: container.current,
        style: baseStyle(townships, props.config, props.context),
        ...(box ? { bounds: box, fitBoundsOptions: { padding: 30 } } : { center: [116, 36], zoom: 9 }),
        attributionControl: false,
        locale: mapLocale(locale),
        canvasContextAttributes: { preserveDrawingBuffer: true },
        maxZoom: 17,
      });
      map.addControl(new ml.NavigationControl({ showCompass: true }), 'top-right');
      map.addControl(new ml.ScaleControl({ unit: 'metric' }), 'bottom-left');
      attribution.current = { ml: ml as never, control: new ml.AttributionControl({ compact: false, customAttribution: props.attribution }) };
      map.addControl(attribution.current.control);
      window.__riskmap = { map, ready: false };
      const m = map;
      m.on('load', () => {
        addIcons(m);
        installLayers(m, props.colours, (mm) => {
          dense.current = addDenseLayer(mm, props.colours, 'hazard-halo');
          addRiskTiles(mm, props.colours, 'hazard-halo');
          installIncidentLayers(mm, 'risk-heat');
        });
        const ctxLabels = addTownshipLabels(ml, m, props.context?.features ?? [], 'context-label');
        const twpLabels = addTownshipLabels(ml, m, townships.features);
        removeLabels = () => (ctxLabels(), twpLabels());
        setReadyMap(m);
        window.__riskmap = { map: m, ready: true, showRiskPoints: (fs) => showRiskPoints(m, dense.current!, fs) };
      });
      m.on('click', (e) => {
        const layers = CLICKABLE.filter((id) => m.getLayer(id) && m.getLayoutProperty(id, 'visibility') !== 'none');
        const lonLat: [number, number] = [e.lngLat.lng, e.lngLat.lat];
        // Every feature within a few pixels of the click, once each, top first (the e-map cell last).
        const r = 6;
        const box: [[number, number], [number, number]] = [[e.point.x - r, e.point.y - r], [e.point.x + r, e.point.y + r]];
        const seen = new Set<string>();
        const stack: Picked[] = [];
        const feats = m.queryRenderedFeatures(box, { layers });
        for (const f of [...feats.filter((x) => x.layer.id !== 'emap-fill'), ...m.queryRenderedFeatures(e.point, { layers: layers.filter((l) => l === 'emap-fill') })]) {
          const layer = (f.layer.id === 'emap-fill' ? 'emap' : f.source === RISK_TILES ? 'risk-points' : f.source) as Picked['layer'];
          if (f.source === RISK_TILES) f.properties = tileFeatureProperties(f, onLevels.current);
          const key = `${layer}:${String(f.properties.id ?? f.properties.code ?? f.id)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const at = f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : lonLat;
          stack.push({ layer, properties: f.properties, lonLat: layer === 'emap' ? lonLat : at });
        }
        const d = dense.current?.pick(e.point.x, e.point.y);
        if (d && !seen.has(`risk-points:${String((d.properties as { id?: unknown }).id)}`)) stack.splice(stack.findIndex((s) => s.layer === 'emap') >= 0 ? stack.findIndex((s) => s.layer === 'emap') : stack.length, 0, { layer: 'risk-points', properties: d.properties as Record<string, unknown>, lonLat: d.lonLat });
        const picked: Picked | null = stack.length === 0 ? null : stack.length === 1 ? stack[0]! : { ...stack[0]!, stack, index: 0 };
        const { onPickLocation, onPick } = handlers.current;
        if (onPickLocation) return onPickLocation(lonLat, picked);
        onPick(picked);
      });
      for (const id of CLICKABLE) {
        m.on('mouseenter', id, () => (m.getCanvas().style.cursor = 'pointer'));
        m.on('mouseleave', id, () => (m.getCanvas().style.cursor = ''));
      }
    });
    return () => {
      disposed = true;
      removeLabels();
      map?.remove();
      dense.current = null;
      setReadyMap(null);
      delete window.__riskmap;
    };
    // The map is created once per base style; data updates go through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);

  const onLevels = useRef<RiskFeature[]>([]);
  useMapEffect(readyMap, (map) => {
    const rp = props.layers['risk-points'];
    onLevels.current = rp ? (rp.features as RiskFeature[]).filter((f) => props.levels[f.properties.level as RiskLevel]) : [];
    const shown = props.visible['risk-points'] ? ([1, 2, 3, 4] as const).filter((l) => props.levels[l]) : [];
    showRiskPoints(map, dense.current!, onLevels.current, { levels: shown, revision: revisionOf(rp) });
  }, [props.layers['risk-points'], props.levels, props.visible['risk-points']]);

  // The heat map's source is filled only while it is shown, so a dense layer is not indexed twice.
  useMapEffect(readyMap, (map) => {
    void setData(map, 'risk-heat', props.emapMode === 'heat' ? { type: 'FeatureCollection', features: onLevels.current } : EMPTY);
  }, [props.layers['risk-points'], props.levels, props.emapMode]);

  useMapEffect(readyMap, (map) => {
    for (const id of ['hazard-sources', 'shelters', 'warehouses', 'fire-stations'] as const) {
      const fc = props.layers[id];
      if (fc) void setData(map, id, fc);
    }
  }, [props.layers['hazard-sources'], props.layers.shelters, props.layers.warehouses, props.layers['fire-stations']]);

  useMapEffect(readyMap, (map) => {
    for (const [id, on] of Object.entries(props.visible)) {
      for (const layer of MAP_LAYERS_OF[id as PointLayerId]) map.setLayoutProperty(layer, 'visibility', on ? 'visible' : 'none');
    }
    if (dense.current) dense.current.visible = props.visible['risk-points'];
    const showFill = props.emapMode === 'township' || props.emapMode === 'grid';
    map.setLayoutProperty('emap-fill', 'visibility', showFill ? 'visible' : 'none');
    map.setLayoutProperty('emap-line', 'visibility', showFill ? 'visible' : 'none');
    map.setLayoutProperty('risk-heat', 'visibility', props.emapMode === 'heat' ? 'visible' : 'none');
    if (props.emap) void setData(map, 'emap', props.emap as FeatureCollection);
  }, [props.visible, props.emapMode, props.emap]);

  useMapEffect(readyMap, (map) => {
    if (props.hiddenHazards?.hazards) showHazards(map, props.hiddenHazards.hazards, props.hiddenHazards.flags, 'selected');
  }, [props.hiddenHazards?.hazards, props.hiddenHazards?.flags]);

  useMapEffect(readyMap, (map) => {
    const s = props.selected;
    void setData(map, 'selected', {
      type: 'FeatureCollection',
      features: s && s.layer !== 'emap' ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: s.lonLat }, properties: {} }] : [],
    });
  }, [props.selected]);

  useMapEffect(readyMap, (map) => {
    showImpact(map, props.incident.result, props.incident.points);
    if (!props.incident.result) return;
    const box = zonesBounds(props.incident.result);
    if (box && needsFraming(map, box)) map.fitBounds(box, { padding: 60, duration: 0, maxZoom: 15 });
    map.once('idle', () => window.__riskmap && (window.__riskmap.incidentDrawnAt = performance.now()));
  }, [props.incident.result, props.incident.points]);

  useMapEffect(readyMap, (map) => {
    map.getCanvas().style.cursor = props.onPickLocation ? 'crosshair' : '';
  }, [props.onPickLocation !== null]);

  // The footer and control labels follow the language.
  useMapEffect(readyMap, (map) => {
    const a = attribution.current;
    if (a) {
      map.removeControl(a.control);
      a.control = new a.ml.AttributionControl({ compact: false, customAttribution: props.attribution });
      map.addControl(a.control);
    }
    relabelControls(map.getContainer(), locale);
    relabelPlaces(map.getContainer(), locale);
  }, [props.attribution, locale]);

  useMapEffect(readyMap, (map) => {
    if (props.focusBounds) map.fitBounds(props.focusBounds, { padding: 40, duration: 600 });
  }, [props.focusBounds]);

  return <div ref={container} className="map" role="region" aria-label={props.ariaLabel ?? 'map'} data-testid="command-map" />;
}

/** True when the zones are not all in view, or fill less than a ninth of its width (too small to read). */
function needsFraming(map: MlMap, [w, s, e, n]: [number, number, number, number]): boolean {
  const v = map.getBounds();
  const inside = w >= v.getWest() && e <= v.getEast() && s >= v.getSouth() && n <= v.getNorth();
  return !inside || (e - w) / (v.getEast() - v.getWest()) < 1 / 9;
}

/** Run `fn` with the ready map whenever it or the deps change. */
function useMapEffect(map: MlMap | null, fn: (m: MlMap) => void, deps: unknown[]) {
  useEffect(() => {
    if (map) fn(map);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, ...deps]);
}
