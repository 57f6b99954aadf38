/** State of the what-if tool: origin, form, the API's answer, and how long click → answer took. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';
import type { Impact } from './types.js';
import { DEFAULT_FORM, impactRequest, type Origin, type WhatifForm } from './whatif-logic.js';

export interface WhatifState {
  active: boolean;
  origin: Origin | null;
  form: WhatifForm;
  result: Impact | null;
  status: 'idle' | 'running' | 'done' | 'error';
  error: string | null;
  /** performance.now() of the pick that started the current answer. */
  pickedAt: number | null;
}

async function postImpact(body: unknown, signal: AbortSignal): Promise<Impact> {
  const res = await fetch('/api/scenarios/impact', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body), signal });
  const json = (await res.json().catch(() => ({}))) as Impact & { error?: { message?: string } };
  if (!res.ok) throw new ApiError(res.status, json.error?.message ?? `${res.status}`);
  return json;
}

export function useWhatif() {
  const [s, setS] = useState<WhatifState>({ active: false, origin: null, form: DEFAULT_FORM, result: null, status: 'idle', error: null, pickedAt: null });
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!s.active || !s.origin) return;
    abort.current?.abort();
    const ctl = new AbortController();
    abort.current = ctl;
    setS((x) => ({ ...x, status: 'running', error: null }));
    postImpact(impactRequest(s.origin, s.form), ctl.signal).then(
      (result) => !ctl.signal.aborted && setS((x) => ({ ...x, result, status: 'done' })),
      (e: Error) => !ctl.signal.aborted && setS((x) => ({ ...x, status: 'error', error: e.message })),
    );
    return () => ctl.abort();
  }, [s.active, s.origin, s.form]);

  const pick = useCallback((origin: Origin) => setS((x) => ({ ...x, active: true, origin, pickedAt: performance.now() })), []);
  const setForm = useCallback((f: Partial<WhatifForm>) => setS((x) => ({ ...x, form: { ...x.form, ...f }, pickedAt: performance.now() })), []);
  const open = useCallback(() => setS((x) => ({ ...x, active: true })), []);
  const close = useCallback(() => setS((x) => ({ ...x, active: false, origin: null, result: null, status: 'idle', error: null })), []);
  return { ...s, pick, setForm, open, close };
}
export type Whatif = ReturnType<typeof useWhatif>;
