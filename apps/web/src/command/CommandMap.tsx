/** Thin maplibre binding for the command map: create on mount, push data on change, remove on unmount. */
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import type { EmapResult, LayerSet, PointLayerId, RiskLevel, SiteConfig } from '../api/types.js';
import { baseStyle } from '../map/base-style.js';
import type { DensePointsLayer } from '../map/dense-points.js';
import { addIcons } from '../map/icons.js';
import { loadMapLibre } from '../map/load-maplibre.js';
import { addTownshipLabels } from '../map/township-labels.js';
import { bboxOf } from '../common/geo-math.js';
import { installWhatifLayers, showImpact } from '../whatif/whatif-layers.js';
import type { Impact } from '../whatif/types.js';
import { zonesBounds } from '../whatif/whatif-logic.js';
import { CLICKABLE, MAP_LAYERS_OF, installLayers } from './map-layers.js';
import { addDenseLayer, showRiskPoints, type DenseItem, type RiskFeature } from './risk-points.js';
import type { CommandData } from './use-command-data.js';
import type { EmapMode } from './use-emap.js';

export interface Picked {
  layer: PointLayerId | 'emap';
  properties: Record<string, unknown>;
  lonLat: [number, number];
}

interface Props {
  layers: Partial<LayerSet>;
  config: SiteConfig | null;
  context: CommandData['context'];
  colours: Record<RiskLevel, string>;
  visible: Record<PointLayerId | 'townships', boolean>;
  levels: Record<RiskLevel, boolean>;
  emapMode: EmapMode;
  emap: EmapResult | null;
  selected: Picked | null;
  focusBounds: [number, number, number, number] | null;
  onPick: (p: Picked | null) => void;
  /** While set, a click picks the what-if location (a hazard source under the click is passed as `picked`). */
  onPickLocation: ((lonLat: [number, number], picked: Picked | null) => void) | null;
  whatif: { result: Impact | null; points: FeatureCollection | undefined };
  attribution: string;
}

declare global {
  interface Window {
    __riskmap?: { map: MlMap; ready: boolean; showRiskPoints?: (features: RiskFeature[]) => 'geojson' | 'dense'; whatifDrawnAt?: number; whatifPickedAt?: number | null; whatifAnsweredAt?: number };
  }
}

const setData = (map: MlMap, id: string, data: FeatureCollection) => (map.getSource(id) as GeoJSONSource | undefined)?.setData(data);
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function CommandMap(props: Props) {
  const container = useRef<HTMLDivElement>(null);
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
        attributionControl: { compact: false, customAttribution: props.attribution },
        canvasContextAttributes: { preserveDrawingBuffer: true },
        maxZoom: 17,
      });
      map.addControl(new ml.NavigationControl({ showCompass: true }), 'top-right');
      map.addControl(new ml.ScaleControl({ unit: 'metric' }), 'bottom-left');
      window.__riskmap = { map, ready: false };
      const m = map;
      m.on('load', () => {
        addIcons(m);
        installLayers(m, props.colours, (mm) => {
          dense.current = addDenseLayer(mm, props.colours, 'hazard-halo');
          installWhatifLayers(mm, 'risk-heat');
        });
        const ctxLabels = addTownshipLabels(ml, m, props.context?.features ?? [], 'context-label');
        const twpLabels = addTownshipLabels(ml, m, townships.features);
        removeLabels = () => (ctxLabels(), twpLabels());
        setReadyMap(m);
        window.__riskmap = { map: m, ready: true, showRiskPoints: (fs) => showRiskPoints(m, dense.current!, fs) };
      });
      m.on('click', (e) => {
        const layers = CLICKABLE.filter((id) => m.getLayer(id) && m.getLayoutProperty(id, 'visibility') !== 'none');
        const f = m.queryRenderedFeatures(e.point, { layers })[0];
        const lonLat: [number, number] = [e.lngLat.lng, e.lngLat.lat];
        let picked: Picked | null = null;
        if (f) picked = { layer: (f.layer.id === 'emap-fill' ? 'emap' : f.source) as Picked['layer'], properties: f.properties, lonLat };
        else {
          const d = dense.current?.pick(e.point.x, e.point.y);
          if (d) picked = { layer: 'risk-points', properties: d.properties as Record<string, unknown>, lonLat: d.lonLat };
        }
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
    showRiskPoints(map, dense.current!, onLevels.current);
  }, [props.layers['risk-points'], props.levels]);

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
    const s = props.selected;
    void setData(map, 'selected', {
      type: 'FeatureCollection',
      features: s && s.layer !== 'emap' ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: s.lonLat }, properties: {} }] : [],
    });
  }, [props.selected]);

  useMapEffect(readyMap, (map) => {
    showImpact(map, props.whatif.result, props.whatif.points);
    if (!props.whatif.result) return;
    const box = zonesBounds(props.whatif.result);
    if (box && needsFraming(map, box)) map.fitBounds(box, { padding: 60, duration: 0, maxZoom: 15 });
    map.once('idle', () => window.__riskmap && (window.__riskmap.whatifDrawnAt = performance.now()));
  }, [props.whatif.result, props.whatif.points]);

  useMapEffect(readyMap, (map) => {
    map.getCanvas().style.cursor = props.onPickLocation ? 'crosshair' : '';
  }, [props.onPickLocation !== null]);

  useMapEffect(readyMap, (map) => {
    if (props.focusBounds) map.fitBounds(props.focusBounds, { padding: 40, duration: 600 });
  }, [props.focusBounds]);

  return <div ref={container} className="map" role="region" aria-label="map" data-testid="command-map" />;
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
