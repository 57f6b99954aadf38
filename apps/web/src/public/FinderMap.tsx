/** The finder's map (lazy chunk): township base map, you-are-here, numbered shelters and a line to each. Tap to set your position. */
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeoJSONSource, Map as MlMap, Marker } from 'maplibre-gl';
import type { AdminAreaProps, LayerCollection, NearestShelter } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { baseStyle } from '../map/base-style.js';
import { loadMapLibre, type MapLibre } from '../map/load-maplibre.js';
import { addTownshipLabels } from '../map/township-labels.js';
import { bboxOf } from '../common/geo-math.js';
import type { Origin } from './use-finder.js';

interface Props {
  townships: LayerCollection<Polygon | MultiPolygon, AdminAreaProps> | null;
  origin: Origin | null;
  results: NearestShelter[];
  onTap: (lon: number, lat: number) => void;
  onLoaded?: () => void;
}

function linesTo(origin: Origin | null, results: NearestShelter[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: origin
      ? results.map((s) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[origin.lon, origin.lat], [s.lon, s.lat]] } }))
      : [],
  };
}

export default function FinderMap({ townships, origin, results, onTap, onLoaded }: Props) {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState<{ ml: MapLibre; map: MlMap } | null>(null);
  const tap = useRef(onTap);
  tap.current = onTap;

  useEffect(() => {
    let map: MlMap | null = null;
    let removeLabels = () => {};
    let disposed = false;
    void loadMapLibre().then((ml) => {
      if (disposed || !el.current) return;
      const box = bboxOf((townships?.features ?? []).map((f) => f.geometry));
      map = new ml.Map({
        container: el.current,
        style: baseStyle(townships, null),
        ...(box ? { bounds: box, fitBoundsOptions: { padding: 16 } } : { center: [116, 36], zoom: 9 }),
        attributionControl: { compact: true, customAttribution: 'riskmap' },
        maxZoom: 17,
      });
      map.addControl(new ml.NavigationControl({ showCompass: false }), 'top-right');
      const m = map;
      m.on('load', () => {
        m.addSource('routes', { type: 'geojson', data: linesTo(null, []) });
        m.addLayer({ id: 'routes-casing', type: 'line', source: 'routes', paint: { 'line-color': '#ffffff', 'line-width': 7 } });
        m.addLayer({ id: 'routes', type: 'line', source: 'routes', paint: { 'line-color': '#0a58ca', 'line-width': 4, 'line-dasharray': [2, 1] } });
        removeLabels = addTownshipLabels(ml, m, townships?.features ?? []);
        setReady({ ml, map: m });
        (window as unknown as { __finderMap?: MlMap }).__finderMap = m;
        onLoaded?.();
      });
      m.on('click', (e) => tap.current(e.lngLat.lng, e.lngLat.lat));
    });
    return () => {
      disposed = true;
      removeLabels();
      map?.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [townships]);

  useEffect(() => {
    if (!ready) return;
    const { ml, map } = ready;
    void (map.getSource('routes') as GeoJSONSource).setData(linesTo(origin, results));
    const markers: Marker[] = [];
    if (origin) {
      const me = document.createElement('div');
      me.className = 'me-marker';
      me.setAttribute('aria-hidden', 'true');
      markers.push(new ml.Marker({ element: me }).setLngLat([origin.lon, origin.lat]).addTo(map));
    }
    results.forEach((s, i) => {
      const pin = document.createElement('div');
      pin.className = 'shelter-pin';
      pin.textContent = String(i + 1);
      pin.title = s.name;
      markers.push(new ml.Marker({ element: pin }).setLngLat([s.lon, s.lat]).addTo(map));
    });
    const box = bboxOf([
      ...(origin ? [{ type: 'Point' as const, coordinates: [origin.lon, origin.lat] }] : []),
      ...results.map((s) => ({ type: 'Point' as const, coordinates: [s.lon, s.lat] })),
    ]);
    if (box && origin) map.fitBounds(box, { padding: 50, maxZoom: 15, duration: 500 });
    return () => markers.forEach((m) => m.remove());
  }, [ready, origin, results]);

  return <div ref={el} className="finder-map" role="application" aria-label={t('tapMapHint')} data-testid="finder-map" />;
}
