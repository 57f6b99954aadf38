/** State of the incident tool: origin, form, the API's answer, and how long click → answer took. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { incidentImpact } from '@riskmap/contract';
import { call } from '../api/client.js';
import type { Impact, ImpactRequest } from './types.js';
import { DEFAULT_FORM, impactRequest, type Origin, type IncidentForm } from './incident-logic.js';

export interface IncidentState {
  active: boolean;
  origin: Origin | null;
  form: IncidentForm;
  result: Impact | null;
  status: 'idle' | 'running' | 'done' | 'error';
  /** The failed call (shown through errorText, by its code). */
  error: unknown;
  /** performance.now() of the pick that started the current answer. */
  pickedAt: number | null;
}

/** POST /api/incidents/impact through its contract (not cached: every pick is a new question). */
function postImpact(body: ImpactRequest, signal: AbortSignal): Promise<Impact> {
  return call(incidentImpact, { body, signal });
}

export function useIncident() {
  const [s, setS] = useState<IncidentState>({ active: false, origin: null, form: DEFAULT_FORM, result: null, status: 'idle', error: null, pickedAt: null });
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!s.active || !s.origin) return;
    abort.current?.abort();
    const ctl = new AbortController();
    abort.current = ctl;
    setS((x) => ({ ...x, status: 'running', error: null }));
    postImpact(impactRequest(s.origin, s.form), ctl.signal).then(
      (result) => !ctl.signal.aborted && setS((x) => ({ ...x, result, status: 'done' })),
      (e: unknown) => !ctl.signal.aborted && setS((x) => ({ ...x, status: 'error', error: e })),
    );
    return () => ctl.abort();
  }, [s.active, s.origin, s.form]);

  const pick = useCallback((origin: Origin) => setS((x) => ({ ...x, active: true, origin, pickedAt: performance.now() })), []);
  const setForm = useCallback((f: Partial<IncidentForm>) => setS((x) => ({ ...x, form: { ...x.form, ...f }, pickedAt: performance.now() })), []);
  const open = useCallback(() => setS((x) => ({ ...x, active: true })), []);
  const close = useCallback(() => setS((x) => ({ ...x, active: false, origin: null, result: null, status: 'idle', error: null })), []);
  return { ...s, pick, setForm, open, close };
}
export type IncidentTool = ReturnType<typeof useIncident>;
