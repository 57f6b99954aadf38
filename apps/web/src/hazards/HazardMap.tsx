/** The hazard screen's map: township outlines, risk points (grey), open hazards by grade with overdue ringed; a click picks a hazard or a place. */
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import type { SiteConfig } from '../api/types.js';
import { baseStyle } from '../map/base-style.js';
import { loadMapLibre } from '../map/load-maplibre.js';
import { bboxOf } from '../common/geo-math.js';
import { showHazards } from './hazard-map-layers.js';

interface Props {
  townships: FeatureCollection;
  riskPoints: FeatureCollection | null;
  config: SiteConfig | null;
  hazards: FeatureCollection | null;
  flags: FeatureCollection | null;
  draft: [number, number] | null;
  onPick: (lonLat: [number, number], hazardId: number | null) => void;
}

declare global {
  interface Window {
    __hazardMap?: { map: MlMap; ready: boolean };
  }
}

export function HazardMap(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MlMap | null>(null);
  const onPick = useRef(props.onPick);
  onPick.current = props.onPick;

  useEffect(() => {
    let disposed = false;
    let m: MlMap | null = null;
    void loadMapLibre().then((ml) => {
      if (disposed || !container.current) return;
      const box = bboxOf(props.townships.features.map((f) => f.geometry as never));
      m = new ml.Map({
        container: container.current, style: baseStyle(props.townships, props.config),
        ...(box ? { bounds: box, fitBoundsOptions: { padding: 20 } } : { center: [115.8, 36.1], zoom: 9 }),
        canvasContextAttributes: { preserveDrawingBuffer: true }, maxZoom: 17,
      });
      m.addControl(new ml.NavigationControl({ showCompass: false }), 'top-right');
      m.addControl(new ml.ScaleControl({ unit: 'metric' }), 'bottom-left');
      const mm = m;
      mm.on('load', () => {
        mm.addSource('rp', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
        mm.addLayer({ id: 'rp', type: 'circle', source: 'rp', paint: { 'circle-radius': 3, 'circle-color': '#8a8f98', 'circle-opacity': 0.7 } });
        mm.addSource('draft', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
        mm.addLayer({ id: 'draft', type: 'circle', source: 'draft', paint: { 'circle-radius': 9, 'circle-color': 'rgba(0,229,255,0.3)', 'circle-stroke-color': '#00bcd4', 'circle-stroke-width': 3 } });
        showHazards(mm, null, null, 'draft');
        setMap(mm);
        window.__hazardMap = { map: mm, ready: true };
      });
      mm.on('click', (e) => {
        const f = mm.queryRenderedFeatures(e.point, { layers: ['hidden-hazards'] })[0];
        onPick.current([e.lngLat.lng, e.lngLat.lat], f ? Number(f.properties.id) : null);
      });
      mm.on('mouseenter', 'hidden-hazards', () => (mm.getCanvas().style.cursor = 'pointer'));
      mm.on('mouseleave', 'hidden-hazards', () => (mm.getCanvas().style.cursor = ''));
    });
    return () => {
      disposed = true;
      m?.remove();
      delete window.__hazardMap;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (map) showHazards(map, props.hazards, props.flags, 'draft');
  }, [map, props.hazards, props.flags]);
  useEffect(() => {
    if (map && props.riskPoints) (map.getSource('rp') as GeoJSONSource).setData(props.riskPoints);
  }, [map, props.riskPoints]);
  useEffect(() => {
    const d = props.draft;
    if (map) (map.getSource('draft') as GeoJSONSource).setData({ type: 'FeatureCollection', features: d ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: d }, properties: {} }] : [] });
  }, [map, props.draft]);

  return <div ref={container} className="map hazard-map" role="region" aria-label="map" data-testid="hazard-map" />;
}
