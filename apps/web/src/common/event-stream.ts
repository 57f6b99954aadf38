/**
 * The one client of `GET /api/events` (command map and planning workspace). It tells the truth about
 * liveness: 'live' only while the stream is connected and has spoken recently (a change or the
 * server's heartbeat); 'reconnecting' otherwise, with the time of the last update. It hands the
 * caller the layers that changed (batched), and `'all'` after a `reset` or a reconnect whose
 * missed changes could not be replayed, so the screen reloads what changed.
 */
import { invalidate } from '../api/query-cache.js';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'unavailable';

export interface LiveState {
  status: LiveStatus;
  /** When the stream last told us something (ms since epoch), or null before the first word. */
  lastUpdateAt: number | null;
}

export interface FollowOptions {
  url?: string;
  /** Layers that changed since the last call, or 'all' when the screen must reload everything. */
  onChange: (layers: Set<string> | 'all') => void;
  onState: (state: LiveState) => void;
  /** Silence after which a connected stream no longer counts as live (the server beats every 10 s). */
  staleMs?: number;
  /** Changes arriving within this window are handed over together (an import sends one per row). */
  batchMs?: number;
}

/** Start following; returns a function that stops. */
export function followChanges(options: FollowOptions): () => void {
  const url = options.url ?? '/api/events';
  const staleMs = options.staleMs ?? 25_000;
  const batchMs = options.batchMs ?? 250;
  if (typeof EventSource === 'undefined') {
    options.onState({ status: 'unavailable', lastUpdateAt: null });
    return () => {};
  }
  let es: EventSource | null = null;
  let stopped = false;
  let lastEventId = '';
  let state: LiveState = { status: 'connecting', lastUpdateAt: null };
  let wasDown = false;
  let pending: Set<string> | 'all' | null = null;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let backoff = 1_000;

  const setState = (next: Partial<LiveState>) => {
    const merged = { ...state, ...next };
    if (merged.status === state.status && merged.lastUpdateAt === state.lastUpdateAt) return;
    state = merged;
    options.onState(state);
  };
  const heard = () => setState({ status: 'live', lastUpdateAt: Date.now() });
  const queue = (layers: string[] | 'all') => {
    if (layers === 'all' || pending === 'all') pending = 'all';
    else {
      const set: Set<string> = pending ?? new Set();
      for (const l of layers) set.add(l);
      pending = set;
    }
    clearTimeout(flushTimer);
    flushTimer = setTimeout(() => {
      const p = pending;
      pending = null;
      if (!p) return;
      invalidate(p); // the query cache forgets what these layers feed before the screen asks again
      options.onChange(p);
    }, batchMs);
  };
  const down = () => {
    wasDown = true;
    setState({ status: state.lastUpdateAt === null && state.status === 'connecting' ? 'connecting' : 'reconnecting' });
  };

  const open = () => {
    if (stopped) return;
    const target = lastEventId ? `${url}${url.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(lastEventId)}` : url;
    const source = new EventSource(target);
    es = source;
    source.addEventListener('ready', () => {
      backoff = 1_000;
      heard();
      // the server replays what we missed after our last id; without one we cannot know what changed
      if (wasDown && !lastEventId) queue('all');
      wasDown = false;
    });
    source.addEventListener('heartbeat', heard);
    source.addEventListener('change', (ev) => {
      const m = ev as MessageEvent<string>;
      if (m.lastEventId) lastEventId = m.lastEventId;
      heard();
      try {
        const data = JSON.parse(m.data) as { layer?: string };
        queue(data.layer ? [data.layer] : 'all');
      } catch {
        queue('all');
      }
    });
    source.addEventListener('reset', () => {
      heard();
      lastEventId = '';
      queue('all');
    });
    source.onerror = () => {
      down();
      // EventSource retries by itself (sending Last-Event-ID) unless the answer was not a stream
      if (source.readyState === EventSource.CLOSED) reopen();
    };
  };
  const reopen = () => {
    es?.close();
    es = null;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(open, backoff);
    backoff = Math.min(30_000, backoff * 2);
  };
  const watchdog = setInterval(() => {
    if (state.status === 'live' && state.lastUpdateAt !== null && Date.now() - state.lastUpdateAt > staleMs) {
      down();
      reopen();
    }
  }, 2_000);

  open();
  return () => {
    stopped = true;
    clearInterval(watchdog);
    clearTimeout(flushTimer);
    clearTimeout(retryTimer);
    es?.close();
  };
}
