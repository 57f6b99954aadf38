/** Runs a siting job: POST /api/siting (async) → poll the job for progress → result; cancel with DELETE. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../i18n/errors.js';
import { currentLocale } from '../i18n/index.js';
import { sitingJobCancel, sitingJobGet, type SitingJob } from '@riskmap/contract';
import { ApiError, call, errorOf, send } from '../api/client.js';
import type { SitingResult } from './siting-logic.js';

/** A siting job as `GET /api/siting/jobs/:id` answers it (the contract's type). */
type JobView = SitingJob;
/** A 202 answer is a job (it has no runId); a 200 answer is the result. */
const isJob = (a: JobView | SitingResult): a is JobView => !('runId' in a);

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
      setError(v.error ? errorText(errorOf(0, { error: v.error }), currentLocale(), (f) => f) : null);
      job.current = null;
    } else {
      timer.current = setTimeout(() => {
        // A poll answered after a cancel or a new run is stale: ignore it.
        void call(sitingJobGet, { params: { id: v.id } }).then(
          (next) => job.current === v.id && follow(next),
          (e: unknown) => {
            if (job.current !== v.id) return;
            setState('failed');
            setError(errorText(e, currentLocale()));
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
        // 200: the result; 202: a job to follow (both typed by the contract of POST /api/siting).
        const answer = await send<JobView | SitingResult>('POST', '/api/siting', body);
        if (!isJob(answer)) {
          setResult(answer);
          setProgress(1);
          setState('done');
          return;
        }
        job.current = answer.id;
        follow(answer);
      } catch (e) {
        setState('failed');
        setError(errorText(e, currentLocale(), (f) => f));
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
      const v = await call(sitingJobCancel, { params: { id } });
      setProgress(v.progress);
      setElapsed(v.elapsedMs);
    } catch (e) {
      if ((e as ApiError).status !== 409) setError(errorText(e, currentLocale()));
    }
    setState('cancelled');
    job.current = null;
  }, [follow]);

  return { state, progress, elapsedMs, result, error, run, cancel };
}
