/** Thin maplibre binding for the planning map: create on mount, push data on change, remove on unmount. */
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MlMap, Marker } from 'maplibre-gl';
import type { SiteConfig } from '../api/types.js';
import { baseStyle } from '../map/base-style.js';
import { addIcons } from '../map/icons.js';
import { loadMapLibre, type MapLibre } from '../map/load-maplibre.js';
import { addTownshipLabels } from '../map/township-labels.js';
import { bboxOf } from '../common/geo-math.js';
import { useI18n } from '../i18n/index.js';
import { PICKABLE, installPlanningLayers, type PlanningSource } from './planning-layers.js';
import type { Townships } from './use-planning-data.js';

export interface MapPick {
  layer: 'shelters' | 'fire-stations' | 'proposed';
  id: string | number | undefined;
  properties: Record<string, unknown>;
}

interface Props {
  townships: Townships;
  config: SiteConfig;
  data: Partial<Record<PlanningSource, FeatureCollection>>;
  /** 'add': a click places a new facility; otherwise a click picks a facility or a proposed site. */
  mode: 'view' | 'add';
  onClickMap: (lonLat: [number, number]) => void;
  onPick: (pick: MapPick | null) => void;
  /** When set, a draggable marker at this point; its drop calls onMoved. */
  moving: [number, number] | null;
  onMoved: (lonLat: [number, number]) => void;
  focus: [number, number, number, number] | null;
  attribution: string;
  /** While coverage is shown, the per-capita choropleth is faded so the service circles read. */
  fadeChoropleth?: boolean;
}

declare global {
  interface Window {
    __planningMap?: MlMap;
  }
}

export function PlanningMap(props: Props) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MlMap | null>(null);
  const [ml, setMl] = useState<MapLibre | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    if (!container.current) return;
    let disposed = false;
    let removeLabels = () => {};
    let m: MlMap | null = null;
    void loadMapLibre().then((lib) => {
      if (disposed || !container.current) return;
      const box = bboxOf(props.townships.features.map((f) => f.geometry));
      m = new lib.Map({
        container: container.current,
        style: baseStyle(props.townships, props.config),
        ...(box ? { bounds: box, fitBoundsOptions: { padding: 20 } } : { center: [116, 36], zoom: 9 }),
        attributionControl: { compact: false, customAttribution: props.attribution },
        canvasContextAttributes: { preserveDrawingBuffer: true },
        maxZoom: 17,
      });
      const mm = m;
      mm.addControl(new lib.NavigationControl({ showCompass: false }), 'top-right');
      mm.addControl(new lib.ScaleControl({ unit: 'metric' }), 'bottom-left');
      mm.on('load', () => {
        addIcons(mm);
        installPlanningLayers(mm);
        removeLabels = addTownshipLabels(lib, mm, props.townships.features);
        setMl(lib);
        setMap(mm);
        window.__planningMap = mm;
      });
      mm.on('click', (e) => {
        const p = latest.current;
        if (p.mode === 'add') return p.onClickMap([e.lngLat.lng, e.lngLat.lat]);
        const hit = mm.queryRenderedFeatures(e.point, { layers: PICKABLE.filter((id) => mm.getLayer(id)) })[0];
        p.onPick(hit ? { layer: hit.layer.id as MapPick['layer'], id: (hit.properties.id as number | undefined) ?? hit.id, properties: hit.properties } : null);
      });
      for (const id of PICKABLE) {
        mm.on('mouseenter', id, () => (mm.getCanvas().style.cursor = 'pointer'));
        mm.on('mouseleave', id, () => (mm.getCanvas().style.cursor = ''));
      }
    });
    return () => {
      disposed = true;
      removeLabels();
      m?.remove();
      setMap(null);
      delete window.__planningMap;
    };
    // One map per mount; data goes through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!map) return;
    for (const [id, fc] of Object.entries(props.data)) if (fc) void (map.getSource(id) as GeoJSONSource | undefined)?.setData(fc);
  }, [map, props.data]);

  useEffect(() => {
    if (map?.getLayer('pc-fill')) map.setPaintProperty('pc-fill', 'fill-opacity', props.fadeChoropleth ? 0.22 : 0.72);
  }, [map, props.fadeChoropleth]);

  useEffect(() => {
    if (map) map.getCanvas().style.cursor = props.mode === 'add' ? 'crosshair' : '';
  }, [map, props.mode]);

  useEffect(() => {
    if (map && props.focus) map.fitBounds(props.focus, { padding: 40, duration: 400, maxZoom: 14 });
  }, [map, props.focus]);

  useEffect(() => {
    if (!map || !ml || !props.moving) return;
    const el = document.createElement('div');
    el.className = 'planning-drag-handle';
    el.title = t('planning.map.dragTitle');
    el.dataset.testid = 'drag-handle';
    const marker: Marker = new ml.Marker({ element: el, draggable: true }).setLngLat(props.moving).addTo(map);
    marker.on('dragend', () => {
      const ll = marker.getLngLat();
      latest.current.onMoved([ll.lng, ll.lat]);
    });
    return () => void marker.remove();
  }, [map, ml, props.moving]);

  return <div ref={container} className="map" role="region" aria-label={t('planning.map.label')} data-testid="planning-map" />;
}
