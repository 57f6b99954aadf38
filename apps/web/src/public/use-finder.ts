/** Finder state: the origin, the 3 nearest usable shelters (API first, local fallback), and places to search. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../i18n/errors.js';
import { currentLocale } from '../i18n/index.js';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { domainDefaults } from '@riskmap/config';
import { sheltersNearest } from '@riskmap/contract';
import { call, getJson, getOptional } from '../api/client.js';
import { normalizeNearest } from '../api/normalize.js';
import type { AdminAreaProps, DemandPointProps, LayerCollection, NearestShelter, ShelterProps, SiteConfig } from '../api/types.js';
import { pointInPolygon } from '../common/geo-math.js';
import { labelPoint } from '../map/township-labels.js';
import { nearestShelters } from './nearest.js';
import type { Place } from './place-search.js';

export type Origin = { lon: number; lat: number; how: 'device' | 'map' | 'search'; label?: string };
type Townships = LayerCollection<Polygon | MultiPolygon, AdminAreaProps>;

export interface FinderState {
  origin: Origin | null;
  results: NearestShelter[] | null;
  outsideCounty: boolean;
  computedLocally: boolean;
  /** Built-but-not-open shelters were added (no open one near). */
  notOpenIncluded: boolean;
  /** Every public usable shelter, for the map before any search and for search by name. */
  allShelters: Feature<Point, ShelterProps>[];
  busy: boolean;
  error: string | null;
  places: Place[];
  townships: Townships | null;
  sample: boolean;
  setOrigin: (o: Origin) => void;
}

const K = domainDefaults.nearest.defaultK;

export function useFinder(): FinderState {
  const [origin, setOriginState] = useState<Origin | null>(null);
  const [results, setResults] = useState<NearestShelter[] | null>(null);
  const [outsideCounty, setOutside] = useState(false);
  const [computedLocally, setLocal] = useState(false);
  const [notOpenIncluded, setNotOpen] = useState(false);
  const [allShelters, setAll] = useState<Feature<Point, ShelterProps>[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [places, setPlaces] = useState<Place[]>([]);
  const [townships, setTownships] = useState<Townships | null>(null);
  const [sample, setSample] = useState(false);
  const shelters = useRef<Promise<Feature<Point, ShelterProps>[]> | null>(null);
  // The site's own finder rules (kept offline by the service worker); the built-in defaults only when never loaded.
  const rules = useRef(finderRules(null));
  const seq = useRef(0);

  const shelterList = useCallback(() => {
    shelters.current ??= getJson<LayerCollection<Point, ShelterProps>>('/api/layers/shelters').then((fc) => {
      if (fc.sample) setSample(true);
      return fc.features;
    });
    shelters.current.catch(() => (shelters.current = null));
    return shelters.current;
  }, []);

  useEffect(() => {
    void (async () => {
      const [t, d, c] = await Promise.all([
        getOptional<Townships>('/api/layers/townships'),
        getOptional<LayerCollection<Point, DemandPointProps>>('/api/layers/demand-points'),
        getOptional<SiteConfig>('/api/config'),
      ]);
      if (c.ok) rules.current = finderRules(c.value);
      const list: Place[] = [];
      if (t.ok) {
        setTownships(t.value);
        if (t.value.sample) setSample(true);
        for (const f of t.value.features) {
          const at = labelPoint(f);
          if (at) list.push({ name: f.properties.name, kind: 'township', lon: at[0], lat: at[1] });
        }
      }
      if (d.ok) {
        const names = new Map(list.map((p) => [p.name, p.name]));
        const byCode = new Map((t.ok ? t.value.features : []).map((f) => [f.properties.code, f.properties.name]));
        for (const f of d.value.features) {
          const [lon, lat] = f.geometry.coordinates as [number, number];
          list.push({ name: f.properties.name, kind: f.properties.kind, parent: byCode.get(f.properties.townshipCode) ?? names.get(f.properties.townshipCode), lon, lat });
        }
      }
      try {
        const all = (await shelterList()).filter((f) => f.geometry && f.properties.isPublic !== false && rules.current.usableStatuses.includes(f.properties.status));
        setAll(all);
        for (const f of all) {
          const [lon, lat] = f.geometry.coordinates as [number, number];
          list.push({ name: f.properties.name, kind: 'shelter', parent: f.properties.address || undefined, lon, lat });
        }
      } catch {
        /* the list still works from townships and villages */
      }
      setPlaces(list);
    })();
  }, [shelterList]);

  const setOrigin = useCallback(
    (o: Origin) => {
      const my = ++seq.current;
      setOriginState(o);
      setBusy(true);
      setError(null);
      void (async () => {
        // The API's answer when it answers; offline (or the server down) the finder's own nearest from the cached list.
        const api = await call(sheltersNearest, { query: { lon: o.lon, lat: o.lat, k: K } }).then((value) => ({ ok: true as const, value }), () => ({ ok: false as const }));
        let rows: NearestShelter[];
        let outside = false;
        let local = false;
        let notOpen = false;
        const nearest = api.ok ? normalizeNearest(api.value) : null;
        if (nearest) {
          rows = nearest.shelters;
          outside = nearest.outsideCounty;
          notOpen = Boolean(nearest.notOpenIncluded);
          // Keep the public list warm (and in the service worker's cache) for offline use.
          void shelterList().catch(() => undefined);
        } else {
          try {
            const list = await shelterList();
            rows = nearestShelters(list, [o.lon, o.lat], { k: K, ...rules.current });
            notOpen = rows.some((r) => r.status !== 'open');
            local = true;
            if (townships) outside = !townships.features.some((f) => pointInPolygon([o.lon, o.lat], f.geometry));
          } catch (e) {
            if (my === seq.current) {
              setError(errorText(e, currentLocale()));
              setBusy(false);
            }
            return;
          }
        }
        if (my !== seq.current) return;
        setResults(rows);
        setOutside(outside);
        setLocal(local);
        setNotOpen(notOpen);
        setBusy(false);
      })();
    },
    [shelterList, townships],
  );

  return { origin, results, outsideCounty, computedLocally, notOpenIncluded, allShelters, busy, error, places, townships, sample, setOrigin };
}

/** The finder's rules from the site configuration, each falling back to the built-in default it does not give. */
function finderRules(c: SiteConfig | null) {
  const d = domainDefaults.shelters;
  return {
    usableStatuses: c?.usableShelterStatuses ?? d.usableStatuses,
    walkingSpeedMPerMin: c?.walkingSpeedMPerMin ?? d.walkingSpeedMPerMin,
    radiusByClass: c?.shelterClasses ?? d.classes,
  };
}
