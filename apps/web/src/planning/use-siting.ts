/** Runs a siting job: POST /api/siting (async) → poll the job for progress → result; cancel with DELETE. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { RequestError, send } from './planning-api.js';
import type { SitingResult } from './siting-logic.js';

interface JobView {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  elapsedMs: number;
  result?: SitingResult;
  error?: { message: string; details?: { fields?: { field: string; message: string }[] } };
}

export interface SitingRun {
  state: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  elapsedMs: number;
  result: SitingResult | null;
  error: string | null;
  run: (body: Record<string, unknown>) => Promise<void>;
  cancel: () => Promise<void>;
}

const POLL_MS = 400;

export function useSiting(): SitingRun {
  const [state, setState] = useState<SitingRun['state']>('idle');
  const [progress, setProgress] = useState(0);
  const [elapsedMs, setElapsed] = useState(0);
  const [result, setResult] = useState<SitingResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);

  const follow = useCallback((v: JobView) => {
    setProgress(v.progress);
    setElapsed(v.elapsedMs);
    if (v.status === 'done' && v.result) {
      setResult(v.result);
      setState('done');
      job.current = null;
    } else if (v.status === 'failed' || v.status === 'cancelled') {
      setState(v.status);
      setError(v.error ? `${v.error.message}${v.error.details?.fields?.length ? ` (${v.error.details.fields.map((f) => f.field).join(', ')})` : ''}` : null);
      job.current = null;
    } else {
      timer.current = setTimeout(() => {
        // A poll answered after a cancel or a new run is stale: ignore it.
        void send<JobView>('GET', `/api/siting/jobs/${v.id}`).then(
          (next) => job.current === v.id && follow(next),
          (e: Error) => {
            if (job.current !== v.id) return;
            setState('failed');
            setError(e.message);
          },
        );
      }, POLL_MS);
    }
  }, []);

  const run = useCallback(
    async (body: Record<string, unknown>) => {
      stop();
      setState('running');
      setProgress(0);
      setElapsed(0);
      setError(null);
      setResult(null);
      try {
        const answer = await send<JobView | SitingResult>('POST', '/api/siting', body);
        if ('runId' in answer) {
          setResult(answer);
          setProgress(1);
          setState('done');
          return;
        }
        job.current = answer.id;
        follow(answer);
      } catch (e) {
        const err = e as RequestError;
        setState('failed');
        setError(err.fields?.length ? err.fields.map((f) => `${f.field}: ${f.message}`).join('；') : err.message);
      }
    },
    [follow],
  );

  const cancel = useCallback(async () => {
    const id = job.current;
    stop();
    if (!id) return;
    job.current = null;
    try {
      const v = await send<JobView>('DELETE', `/api/siting/jobs/${id}`);
      setProgress(v.progress);
      setElapsed(v.elapsedMs);
    } catch (e) {
      if ((e as RequestError).status !== 409) setError((e as Error).message);
    }
    setState('cancelled');
    job.current = null;
  }, [follow]);

  return { state, progress, elapsedMs, result, error, run, cancel };
}
