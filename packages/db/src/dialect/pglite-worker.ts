import { parentPort } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { TYPE_PARSERS } from './parsers.js';
import type { WorkerReply, WorkerRequest } from './pglite-protocol.js';

/**
 * The worker thread that owns the embedded database: PGlite's WebAssembly runs here, so a long statement
 * or transaction never blocks the API's event loop. Requests arrive one message at a time (the main thread
 * keeps the one-client-at-a-time rule); LISTEN notifications are posted back as they come.
 */
let pg: PGlite | undefined;
const listeners = new Map<number, () => Promise<void>>();
const port = parentPort!;

port.on('message', (msg: WorkerRequest) => {
  void handle(msg).then(
    (reply) => port.postMessage(reply.message, reply.transfer ?? []),
    (err: unknown) => port.postMessage({ id: msg.id, ok: false, error: serializeError(err) } satisfies WorkerReply),
  );
});

async function handle(msg: WorkerRequest): Promise<{ message: WorkerReply; transfer?: ArrayBuffer[] }> {
  const ok = (result: unknown): { message: WorkerReply } => ({ message: { id: msg.id, ok: true, result } });
  switch (msg.op) {
    case 'open': {
      const [{ PGlite }, { postgis }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite-postgis')]);
      pg = await PGlite.create({
        ...(msg.dataDir ? { dataDir: msg.dataDir } : {}),
        ...(msg.loadDataDir ? { loadDataDir: new Blob([msg.loadDataDir]) } : {}),
        extensions: { postgis },
        parsers: TYPE_PARSERS,
      });
      await pg.query('select 1');
      return ok(null);
    }
    case 'query': {
      const result = await db().query(msg.sql, msg.params);
      return ok({ rows: result.rows, affectedRows: result.affectedRows ?? null });
    }
    case 'dump': {
      const blob = (await db().dumpDataDir('none')) as Blob;
      const buffer = await blob.arrayBuffer();
      return { message: { id: msg.id, ok: true, result: buffer }, transfer: [buffer] };
    }
    case 'listen': {
      const unlisten = await db().listen(msg.channel, (payload) => port.postMessage({ notify: msg.listenerId, payload } satisfies WorkerReply));
      listeners.set(msg.listenerId, unlisten);
      return ok(null);
    }
    case 'unlisten': {
      await listeners.get(msg.listenerId)?.();
      listeners.delete(msg.listenerId);
      return ok(null);
    }
    case 'close': {
      if (pg && !pg.closed) await pg.close();
      return ok(null);
    }
  }
}

function db(): PGlite {
  if (!pg || pg.closed) throw Object.assign(new Error('the embedded database is closed'), { code: '57P01' });
  return pg;
}

/** The fields of a PostgreSQL error that callers read (code, detail, …), as plain data for postMessage. */
function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const out: Record<string, unknown> = { name: err.name, message: err.message };
  for (const key of ['code', 'detail', 'hint', 'position', 'schema', 'table', 'column', 'constraint', 'severity', 'where']) {
    const value = (err as unknown as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
