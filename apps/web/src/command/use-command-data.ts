/** Loads every layer for the command map, follows live changes over /api/events, and exposes the e-map source. */
import { useCallback, useEffect, useState } from 'react';
import { getJson, getOptional, type ApiError } from '../api/client.js';
import { normalizeCoverage, normalizePerCapita, type CoverageSummary } from '../api/normalize.js';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ContextAreaProps, LayerSet, PerCapitaResult, SiteConfig } from '../api/types.js';

export const LAYER_KEYS: (keyof LayerSet)[] = ['townships', 'risk-points', 'hazard-sources', 'shelters', 'warehouses', 'fire-stations'];

export interface CommandData {
  layers: Partial<LayerSet>;
  errors: Partial<Record<keyof LayerSet, string>>;
  config: SiteConfig | null;
  /** Neighbouring counties for the base map (empty when the API has none). */
  context: FeatureCollection<Polygon | MultiPolygon, ContextAreaProps> | null;
  perCapitaApi: PerCapitaResult | null;
  coverage: CoverageSummary[];
  /** True when the API answered 401: the command map needs a signed-in user. */
  needsLogin: boolean;
  reloadAll: () => void;
  live: 'connecting' | 'open' | 'unavailable';
  loaded: boolean;
  /** Bumped on every live change, so views can refetch analytics. */
  revision: number;
}

async function loadLayer<K extends keyof LayerSet>(id: K): Promise<LayerSet[K]> {
  return getJson<LayerSet[K]>(`/api/layers/${id}`);
}

export function useCommandData(): CommandData {
  const [layers, setLayers] = useState<Partial<LayerSet>>({});
  const [errors, setErrors] = useState<CommandData['errors']>({});
  const [config, setConfig] = useState<SiteConfig | null>(null);
  const [context, setContext] = useState<CommandData['context']>(null);
  const [perCapitaApi, setPerCapita] = useState<PerCapitaResult | null>(null);
  const [coverage, setCoverage] = useState<CoverageSummary[]>([]);
  const [needsLogin, setNeedsLogin] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [live, setLive] = useState<CommandData['live']>('connecting');
  const [loaded, setLoaded] = useState(false);
  const [revision, setRevision] = useState(0);

  const reload = useCallback(async (ids: (keyof LayerSet)[]) => {
    await Promise.all(
      ids.map(async (id) => {
        try {
          const fc = await loadLayer(id);
          setLayers((l) => ({ ...l, [id]: fc }));
          setErrors(({ [id]: _gone, ...er }) => er);
        } catch (e) {
          if ((e as ApiError).status === 401) setNeedsLogin(true);
          setErrors((er) => ({ ...er, [id]: (e as Error).message }));
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
      await reload(LAYER_KEYS);
      setLoaded(true);
      setRevision((r) => r + 1);
    })();
  }, [reload, attempt]);

  useEffect(() => {
    void getOptional<unknown>('/api/analytics/shelter-per-capita').then((r) => setPerCapita(r.ok ? normalizePerCapita(r.value) : null));
    void Promise.all(['shelters', 'fire-stations'].map((f) => getOptional<unknown>(`/api/analytics/coverage?facility=${f}`))).then((rs) =>
      setCoverage(rs.flatMap((r) => (r.ok ? [normalizeCoverage(r.value)].filter((x): x is CoverageSummary => x !== null) : []))),
    );
  }, [revision]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return setLive('unavailable');
    const es = new EventSource('/api/events');
    es.onopen = () => setLive('open');
    es.onerror = () => {
      if (es.readyState === EventSource.CLOSED) setLive('unavailable');
    };
    const onChange = (ev: MessageEvent) => {
      let layer: string | undefined;
      try {
        const msg = JSON.parse(ev.data as string) as { layer?: string; layerId?: string; table?: string };
        layer = msg.layer ?? msg.layerId ?? msg.table;
      } catch {
        /* not JSON: refresh everything */
      }
      const ids = LAYER_KEYS.includes(layer as keyof LayerSet) ? [layer as keyof LayerSet] : LAYER_KEYS;
      void reload(ids).then(() => setRevision((r) => r + 1));
    };
    es.onmessage = onChange;
    for (const name of ['change', 'changed', 'update', 'layer']) es.addEventListener(name, onChange);
    return () => es.close();
  }, [reload]);

  return { layers, errors, config, context, perCapitaApi, coverage, needsLogin, reloadAll: () => setAttempt((a) => a + 1), live, loaded, revision };
}
