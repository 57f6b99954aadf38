import { Worker } from 'node:worker_threads';
import type { WithoutId, WorkerReply, WorkerRequest } from './pglite-protocol.js';

/** The part of PGlite the rest of the code uses, answered by the worker thread that owns the database. */
export interface RemotePGlite {
  query<R>(sqlText: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows: number | null }>;
  dumpDataDir(): Promise<Blob>;
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** Close the database; a worker that does not finish within `timeoutMs` is terminated (in-flight work aborted). */
  close(timeoutMs?: number): Promise<void>;
  readonly closed: boolean;
}

/** The compiled worker next to this file (from the TypeScript sources under vitest, the built one in dist). */
function workerUrl(): URL {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.ts')) return new URL(here.href.replace('/src/dialect/pglite-remote.ts', '/dist/dialect/pglite-worker.js'));
  return new URL('./pglite-worker.js', here);
}

/**
 * Start a worker thread that opens PGlite + PostGIS (in `dataDir`, or in memory from a dumped data directory)
 * and answers queries by message. A worker that dies fails every pending and later call with 57P01.
 * @example const pg = await startPGliteWorker({ dataDir: './data/pglite' }); await pg.query('select 1')
 */
export async function startPGliteWorker(options: { dataDir?: string; loadDataDir?: Blob }): Promise<RemotePGlite> {
  const worker = new Worker(workerUrl());
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const notifiers = new Map<number, (payload: string) => void>();
  let nextId = 1;
  let closed = false;
  let exitError: Error | null = null;

  const failAll = (err: Error) => {
    exitError = err;
    closed = true;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('message', (msg: WorkerReply) => {
    if ('notify' in msg) return notifiers.get(msg.notify)?.(msg.payload);
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(Object.assign(new Error(String(msg.error.message)), msg.error));
  });
  worker.on('error', (err) => failAll(Object.assign(new Error(`the embedded database worker failed: ${err.message}`), { code: '57P01' })));
  worker.on('exit', (code) => failAll(Object.assign(new Error(`the embedded database worker exited (${code})`), { code: '57P01' })));

  const call = <T>(request: WithoutId<WorkerRequest>, transfer: ArrayBuffer[] = []): Promise<T> => {
    if (exitError) return Promise.reject(exitError);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...request, id }, transfer);
    });
  };

  const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
  try {
    await call({ op: 'open', ...(options.dataDir ? { dataDir: options.dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}) }, loadDataDir ? [loadDataDir] : []);
  } catch (err) {
    await worker.terminate();
    throw err;
  }

  let nextListener = 1;
  return {
    query: (sqlText, params = []) => call({ op: 'query', sql: sqlText, params }),
    dumpDataDir: async () => new Blob([await call<ArrayBuffer>({ op: 'dump' })]),
    listen: async (channel, onNotify) => {
      const listenerId = nextListener++;
      notifiers.set(listenerId, onNotify);
      await call({ op: 'listen', channel, listenerId });
      return async () => {
        notifiers.delete(listenerId);
        if (!closed) await call({ op: 'unlisten', listenerId });
      };
    },
    close: async (timeoutMs = 5_000) => {
      if (closed) return;
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        call({ op: 'close' }).then(() => true, () => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      clearTimeout(timer);
      closed = true;
      if (!finished) failAll(Object.assign(new Error('the embedded database is closed (shutdown aborted the work in flight)'), { code: '57P01' }));
      await worker.terminate();
    },
    get closed() {
      return closed;
    },
  };
}
