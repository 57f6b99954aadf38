/** The finder's map (lazy chunk): township base map, you-are-here, numbered shelters and a line to each. Tap to set your position. */
import { useEffect, useRef, useState } from 'react';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeoJSONSource, Map as MlMap, Marker } from 'maplibre-gl';
import type { AdminAreaProps, LayerCollection, NearestShelter, ShelterProps } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { baseStyle } from '../map/base-style.js';
import { loadMapLibre, type MapLibre } from '../map/load-maplibre.js';
import { addTownshipLabels } from '../map/township-labels.js';
import { mapLocale, relabelControls } from '../map/map-locale.js';
import { relabelPlaces } from '../map/place-names-en.js';
import { bboxOf } from '../common/geo-math.js';
import type { Origin } from './use-finder.js';

interface Props {
  townships: LayerCollection<Polygon | MultiPolygon, AdminAreaProps> | null;
  origin: Origin | null;
  results: NearestShelter[];
  /** Every public usable shelter, drawn before any search. */
  all?: Feature<Point, ShelterProps>[];
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

/** A box centred on the origin that holds every result, so the user's position is in the middle of the map. */
export function boxAround(origin: { lon: number; lat: number }, points: readonly { lon: number; lat: number }[], minHalfDeg = 0.003): [[number, number], [number, number]] {
  let dLon = minHalfDeg;
  let dLat = minHalfDeg;
  for (const p of points) {
    dLon = Math.max(dLon, Math.abs(p.lon - origin.lon));
    dLat = Math.max(dLat, Math.abs(p.lat - origin.lat));
  }
  return [[origin.lon - dLon, origin.lat - dLat], [origin.lon + dLon, origin.lat + dLat]];
}

const allData = (all: Feature<Point, ShelterProps>[]): FeatureCollection => ({ type: 'FeatureCollection', features: all.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { name: f.properties.name } })) });

export default function FinderMap({ townships, origin, results, all = [], onTap, onLoaded }: Props) {
  const { t, locale } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState<{ ml: MapLibre; map: MlMap } | null>(null);
  const tap = useRef(onTap);
  tap.current = onTap;
  const allRef = useRef(all);
  allRef.current = all;

  useEffect(() => {
    if (!ready) return;
    relabelControls(ready.map.getContainer(), locale);
    relabelPlaces(ready.map.getContainer(), locale);
  }, [ready, locale]);

  useEffect(() => {
    if (ready) void (ready.map.getSource('all-shelters') as GeoJSONSource | undefined)?.setData(allData(all));
  }, [ready, all]);

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
        locale: mapLocale(locale),
        maxZoom: 17,
      });
      map.addControl(new ml.NavigationControl({ showCompass: false }), 'top-right');
      const m = map;
      m.on('load', () => {
        m.addSource('all-shelters', { type: 'geojson', data: allData(allRef.current) });
        m.addLayer({ id: 'all-shelters', type: 'circle', source: 'all-shelters', paint: { 'circle-radius': 5, 'circle-color': '#0a58ca', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5, 'circle-opacity': 0.85 } });
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
      // The townships arrived (or changed): this map goes, and nothing may draw on it any more.
      setReady(null);
      map?.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [townships]);

  useEffect(() => {
    if (!ready) return;
    const { ml, map } = ready;
    void (map.getSource('routes') as GeoJSONSource | undefined)?.setData(linesTo(origin, results));
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
    if (origin) map.fitBounds(boxAround(origin, results), { padding: 40, maxZoom: 15, duration: 500 });
    return () => markers.forEach((m) => m.remove());
  }, [ready, origin, results]);

  return (
    <figure className="finder-map-wrap">
      <div ref={el} className="finder-map" role="application" aria-label={t('tapMapHint')} data-testid="finder-map" />
      <figcaption className="finder-legend" data-testid="finder-legend">
        <span><i className="lg me" aria-hidden="true" /> {t('finder.legendMe')}</span>
        <span><i className="lg pin" aria-hidden="true" /> {t('finder.legendResult')}</span>
        <span><i className="lg dot" aria-hidden="true" /> {t('finder.legendAll')}</span>
      </figcaption>
    </figure>
  );
}
