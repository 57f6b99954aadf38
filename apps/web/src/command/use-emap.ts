/** The four-colour e-map for the chosen mode, from GET /api/analytics/risk-map (through the query cache); when the API does not answer it says so. */
import { useEffect, useState } from 'react';
import { analyticsRiskMap, type RiskMapAnswer } from '@riskmap/contract';
import { callCached } from '../api/client.js';

export type EmapMode = 'off' | 'township' | 'grid' | 'heat';
export type EmapMethod = 'max' | 'weighted';

/** Layers the e-map is computed from: a change of one of them (announced by the event stream) drops the cached maps. */
export const EMAP_DEPS = ['risk-points', 'townships'] as const;

export interface EmapState {
  result: RiskMapAnswer | null;
  /** 'api' once the analytics API answered; 'unavailable' when it did not (no figures of our own are shown then). */
  source: 'api' | 'unavailable' | null;
}

/** `revision` is bumped by the command map after a change: the map is asked again, and answered from the cache unless its layers changed. */
export function useEmap(mode: EmapMode, cellM: number, method: EmapMethod, revision: number): EmapState {
  const [state, setState] = useState<EmapState>({ result: null, source: null });

  useEffect(() => {
    if (mode !== 'township' && mode !== 'grid') return setState({ result: null, source: null });
    const ac = new AbortController();
    const query = { by: mode, method, ...(mode === 'grid' ? { cell: cellM } : {}) } as const;
    callCached(analyticsRiskMap, EMAP_DEPS, { query, signal: ac.signal }).then(
      (result) => setState({ result, source: 'api' }),
      () => !ac.signal.aborted && setState({ result: null, source: 'unavailable' }),
    );
    return () => ac.abort();
  }, [mode, cellM, method, revision]);

  return state;
}
