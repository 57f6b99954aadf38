/** Thin maplibre binding for the command map: create on mount, push data on change, remove on unmount. */
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MlMap, MapGeoJSONFeature } from 'maplibre-gl';
import type { EmapResult, LayerSet, PointLayerId, RiskLevel, SiteConfig } from '../api/types.js';
import { baseStyle } from '../map/base-style.js';
import { addIcons } from '../map/icons.js';
import { loadMapLibre } from '../map/load-maplibre.js';
import { addTownshipLabels } from '../map/township-labels.js';
import { bboxOf } from '../shared/geo-math.js';
import { CLICKABLE, CLUSTER_ABOVE, MAP_LAYERS_OF, installLayers } from './map-layers.js';
import type { EmapMode } from './use-emap.js';

export interface Picked {
  layer: PointLayerId | 'emap';
  properties: Record<string, unknown>;
  lonLat: [number, number];
}

interface Props {
  layers: Partial<LayerSet>;
  config: SiteConfig | null;
  colours: Record<RiskLevel, string>;
  visible: Record<PointLayerId | 'townships', boolean>;
  levels: Record<RiskLevel, boolean>;
  emapMode: EmapMode;
  emap: EmapResult | null;
  selected: Picked | null;
  focusBounds: [number, number, number, number] | null;
  onPick: (p: Picked | null) => void;
  attribution: string;
}

declare global {
  interface Window {
    __riskmap?: { map: MlMap; ready: boolean };
  }
}

const EMPTY_FC: FeatureCollection = { type: 'FeatureCollection', features: [] };
const setData = (map: MlMap, id: string, data: FeatureCollection) => (map.getSource(id) as GeoJSONSource | undefined)?.setData(data);

export function CommandMap(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [readyMap, setReadyMap] = useState<MlMap | null>(null);
  const onPick = useRef(props.onPick);
  onPick.current = props.onPick;
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
        style: baseStyle(townships, props.config),
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
        installLayers(m, props.colours);
        removeLabels = addTownshipLabels(ml, m, townships.features);
        setReadyMap(m);
        window.__riskmap = { map: m, ready: true };
      });
      m.on('click', (e) => {
        const layers = CLICKABLE.filter((id) => m.getLayer(id) && m.getLayoutProperty(id, 'visibility') !== 'none');
        const hits = m.queryRenderedFeatures(e.point, { layers: [...layers, 'risk-clusters'] });
        const f: MapGeoJSONFeature | undefined = hits[0];
        if (!f) return onPick.current(null);
        if (f.layer.id === 'risk-clusters') {
          const src = m.getSource('risk-points') as GeoJSONSource;
          void src.getClusterExpansionZoom(f.properties.cluster_id as number).then((z) => m.easeTo({ center: e.lngLat, zoom: z }));
          return;
        }
        const layer = (f.layer.id === 'emap-fill' ? 'emap' : (f.source as PointLayerId)) as Picked['layer'];
        onPick.current({ layer, properties: f.properties, lonLat: [e.lngLat.lng, e.lngLat.lat] });
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
      setReadyMap(null);
      delete window.__riskmap;
    };
    // The map is created once per base style; data updates go through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);

  useMapEffect(readyMap, (map) => {
    const rp = props.layers['risk-points'];
    const on = rp ? rp.features.filter((f) => props.levels[f.properties.level]) : [];
    const fc: FeatureCollection = { type: 'FeatureCollection', features: on };
    const src = map.getSource('risk-points') as GeoJSONSource;
    const cluster = on.length > CLUSTER_ABOVE;
    if (src.getClusterOptions().cluster === cluster) void src.setData(fc);
    // Empty the source before switching clustering, so the old data is not re-clustered first.
    else void src.setData(EMPTY_FC).then(() => src.setClusterOptions({ cluster })).then(() => src.setData(fc));
    void setData(map, 'risk-heat', fc);
  }, [props.layers['risk-points'], props.levels]);

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
    if (props.focusBounds) map.fitBounds(props.focusBounds, { padding: 40, duration: 600 });
  }, [props.focusBounds]);

  return <div ref={container} className="map" role="region" aria-label="map" data-testid="command-map" />;
}

/** Run `fn` with the ready map whenever it or the deps change. */
function useMapEffect(map: MlMap | null, fn: (m: MlMap) => void, deps: unknown[]) {
  useEffect(() => {
    if (map) fn(map);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, ...deps]);
}
