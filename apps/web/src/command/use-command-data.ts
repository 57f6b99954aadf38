/** Loads every layer for the command map, follows live changes over /api/events, and exposes the e-map source. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../i18n/errors.js';
import { currentLocale } from '../i18n/index.js';
import { analyticsCoverage, analyticsShelterPerCapita, layersCatalogue, type CoverageAnswer, type PerCapitaAnswer } from '@riskmap/contract';
import { call, callCached, getCached, getOptional, whoAmI, type ApiError } from '../api/client.js';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ContextAreaProps, LayerSet, SiteConfig } from '../api/types.js';
import type { LiveState } from '../common/event-stream.js';
import { useLiveChanges } from '../common/use-live-changes.js';

export const LAYER_KEYS: (keyof LayerSet)[] = ['townships', 'risk-points', 'hazard-sources', 'shelters', 'warehouses', 'fire-stations'];

export interface CommandData {
  layers: Partial<LayerSet>;
  errors: Partial<Record<keyof LayerSet, string>>;
  config: SiteConfig | null;
  /** Neighbouring counties for the base map (empty when the API has none). */
  context: FeatureCollection<Polygon | MultiPolygon, ContextAreaProps> | null;
  perCapitaApi: PerCapitaAnswer | null;
  coverage: CoverageAnswer[];
  /** True when the API answered 401: the command map needs a signed-in user. */
  needsLogin: boolean;
  /** True for an anonymous visitor: only the public layers are asked for; the others need a sign-in. */
  anonymous: boolean;
  /** Layers this visitor may not read (not requested), to show as "sign in to see". */
  restricted: (keyof LayerSet)[];
  reloadAll: () => void;
  /** The event stream's state: live only while connected and fresh. */
  live: LiveState;
  loaded: boolean;
  /** Bumped on every live change, so views can refetch analytics. */
  revision: number;
}

/** A layer through the query cache (dropped when the event stream names the layer). */
async function loadLayer<K extends keyof LayerSet>(id: K): Promise<LayerSet[K]> {
  return getCached<LayerSet[K]>(`/api/layers/${id}`, [id]);
}

/** Layers the per-capita and coverage figures are computed from (their cached answers follow these). */
export const PER_CAPITA_DEPS = ['shelters', 'townships'] as const;
export const coverageDeps = (facility: string) => [facility, 'demand-points', 'townships', 'risk-points'];
const COVERED = ['shelters', 'fire-stations'] as const;

/** The per-capita answer (JSON, not the GeoJSON form), or null when the API did not answer. */
async function perCapitaOf(): Promise<PerCapitaAnswer | null> {
  const a = await callCached(analyticsShelterPerCapita, PER_CAPITA_DEPS).catch(() => null);
  return a && 'townships' in a ? (a as PerCapitaAnswer) : null;
}

export function useCommandData(): CommandData {
  const [layers, setLayers] = useState<Partial<LayerSet>>({});
  const [errors, setErrors] = useState<CommandData['errors']>({});
  const [config, setConfig] = useState<SiteConfig | null>(null);
  const [context, setContext] = useState<CommandData['context']>(null);
  const [perCapitaApi, setPerCapita] = useState<PerCapitaAnswer | null>(null);
  const [coverage, setCoverage] = useState<CoverageAnswer[]>([]);
  const [needsLogin, setNeedsLogin] = useState(false);
  const [anonymous, setAnonymous] = useState(false);
  const [restricted, setRestricted] = useState<(keyof LayerSet)[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [revision, setRevision] = useState(0);
  const restrictedRef = useRef<(keyof LayerSet)[]>([]);
  restrictedRef.current = restricted;

  const reload = useCallback(async (ids: (keyof LayerSet)[]) => {
    await Promise.all(
      ids.map(async (id) => {
        try {
          const fc = await loadLayer(id);
          setLayers((l) => ({ ...l, [id]: fc }));
          setErrors(({ [id]: _gone, ...er }) => er);
        } catch (e) {
          if ((e as ApiError).status === 401) setNeedsLogin(true);
          setErrors((er) => ({ ...er, [id]: errorText(e, currentLocale()) }));
        }
      }),
    );
  }, []);

  useEffect(() => {
    void (async () => {
      const [cfg, ctx] = await Promise.all([getOptional<SiteConfig>('/api/config'), getOptional<NonNullable<CommandData['context']>>('/api/basemap/context')]);
      setContext(ctx.ok && Array.isArray(ctx.value.features) ? ctx.value : { type: 'FeatureCollection', features: [] });
      setConfig(cfg.ok ? cfg.value : {});
      setNeedsLogin(false);
      // Ask only for what this visitor may read: the catalogue lists the public layers to the public.
      // Not from the HTTP cache: the answer changes when the visitor signs in.
      const fresh = <T,>(p: Promise<T>) => p.then((value) => ({ ok: true as const, value }), () => ({ ok: false as const }));
      const [me, catalogue] = await Promise.all([fresh(whoAmI()), fresh(call(layersCatalogue, { cache: 'no-store' }))]);
      const isPublic = me.ok && me.value.role === 'public';
      const readable = catalogue.ok ? LAYER_KEYS.filter((id) => catalogue.value.layers.some((l) => l.id === id)) : LAYER_KEYS;
      setAnonymous(isPublic);
      setRestricted(LAYER_KEYS.filter((id) => !readable.includes(id)));
      if (isPublic && readable.length < LAYER_KEYS.length) setNeedsLogin(true);
      setLayers((l) => Object.fromEntries(Object.entries(l).filter(([id]) => readable.includes(id as keyof LayerSet))));
      await reload(readable);
      setLoaded(true);
      setRevision((r) => r + 1);
    })();
  }, [reload, attempt]);

  useEffect(() => {
    // From the query cache unless the event stream said their layers changed.
    void perCapitaOf().then(setPerCapita);
    void Promise.all(COVERED.map((facility) => callCached(analyticsCoverage, coverageDeps(facility), { query: { facility } }).catch(() => null))).then((rs) =>
      setCoverage(rs.filter((r): r is CoverageAnswer => r !== null)),
    );
  }, [revision]);

  const live = useLiveChanges((changed) => {
    // Hidden hazards are not a command-map layer: their overlay refetches on the revision.
    if (changed !== 'all' && changed.has('hidden-hazards')) setRevision((r) => r + 1);
    // Only the layers this caller may read are reloaded (anonymous visitors never ask for restricted ones).
    const allowed = LAYER_KEYS.filter((id) => !restrictedRef.current.includes(id));
    const ids = changed === 'all' ? allowed : allowed.filter((k) => changed.has(k));
    if (ids.length > 0) void reload(ids).then(() => setRevision((r) => r + 1));
  }, true, attempt); // signing in (reloadAll) opens the stream again as the signed-in user

  return { layers, errors, config, context, perCapitaApi, coverage, needsLogin, anonymous, restricted, reloadAll: () => setAttempt((a) => a + 1), live, loaded, revision };
}
