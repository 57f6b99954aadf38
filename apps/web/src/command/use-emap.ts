/** The four-colour e-map for the chosen mode: from the analytics API when it answers, else computed locally. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { getOptional } from '../api/client.js';
import type { EmapResult, LayerSet, RiskLevel } from '../api/types.js';
import { emapByGrid, emapByTownship } from './emap-local.js';

export type EmapMode = 'off' | 'township' | 'grid' | 'heat';
export type EmapMethod = 'max' | 'weighted';

export interface EmapState {
  result: EmapResult | null;
  source: 'api' | 'local' | null;
}

export function useEmap(mode: EmapMode, cellM: number, method: EmapMethod, layers: Partial<LayerSet>, colours: Record<RiskLevel, string>, revision: number): EmapState {
  const cache = useRef(new Map<string, EmapState>());
  const [state, setState] = useState<EmapState>({ result: null, source: null });
  const townships = layers.townships;
  const points = layers['risk-points'];
  const local = useMemo(
    () => ({
      township: () => (townships && points ? emapByTownship(townships.features, points.features, colours) : null),
      grid: () => (points ? emapByGrid(points.features, cellM, colours) : null),
    }),
    [townships, points, cellM, colours],
  );

  useEffect(() => cache.current.clear(), [revision, townships, points]);

  useEffect(() => {
    if (mode !== 'township' && mode !== 'grid') return setState({ result: null, source: null });
    const key = `${mode}:${cellM}:${method}`;
    const hit = cache.current.get(key);
    if (hit) return setState(hit);
    let cancelled = false;
    void (async () => {
      const q = new URLSearchParams({ by: mode, method, ...(mode === 'grid' ? { cell: String(cellM) } : {}) });
      const api = await getOptional<EmapResult>(`/api/analytics/risk-map?${q}`);
      let next: EmapState;
      if (api.ok && Array.isArray(api.value.features)) next = { result: api.value, source: 'api' };
      else next = { result: local[mode](), source: 'local' };
      if (!next.result) return;
      cache.current.set(key, next);
      if (!cancelled) setState(next);
    })();
    return () => {
      cancelled = true;
    };
  }, [mode, cellM, method, local, revision]);

  return state;
}
