/** Messages between the API thread and the embedded database's worker thread (see pglite-worker.ts). */
export type WorkerRequest = { id: number } & (
  | { op: 'open'; dataDir?: string; loadDataDir?: ArrayBuffer }
  | { op: 'query'; sql: string; params: unknown[] }
  | { op: 'dump' }
  | { op: 'listen'; channel: string; listenerId: number }
  | { op: 'unlisten'; listenerId: number }
  | { op: 'close' }
);

export type WorkerReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: Record<string, unknown> }
  | { notify: number; payload: string };

/** Distributes Omit over a union (TypeScript's own Omit collapses it). */
export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
