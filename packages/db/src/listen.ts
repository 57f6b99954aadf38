import type { PGlite } from '@electric-sql/pglite';

/**
 * Subscribe to a NOTIFY channel. `onNotify` gets each payload, and also `null` after the subscription
 * was (re-)established following a lost connection — notifications may have been missed, so the
 * subscriber must catch up from the database. Resolves to a function that unsubscribes.
 */
export type Listen = (channel: string, onNotify: (payload: string | null) => void) => Promise<() => Promise<void>>;

/** LISTEN inside the one embedded instance (NOTIFY from any of its transactions reaches it). */
export function embeddedListen(pg: PGlite): Listen {
  return async (channel, onNotify) => {
    const unsubscribe = await pg.listen(channel, (payload) => onNotify(payload));
    return async () => {
      if (!pg.closed) await unsubscribe();
    };
  };
}

export interface ServerListenOptions {
  /** First delay before reconnecting after the connection was lost; doubles up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Told about connection errors (logging); the listener keeps reconnecting. */
  onError?: (err: Error) => void;
}

/**
 * LISTEN on a dedicated connection outside the pool (a pool, or pgbouncer in transaction mode, cannot
 * hold a session-level LISTEN). When the connection drops it reconnects with back-off, re-subscribes
 * every channel and calls each `onNotify(null)` so subscribers catch up on what they missed.
 */
export function serverListen(url: string, options: ServerListenOptions = {}): Listen & { close(): Promise<void> } {
  const backoff0 = options.backoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 5_000;
  const channels = new Map<string, Set<(payload: string | null) => void>>();
  let client: import('pg').Client | null = null;
  let started = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  /** One statement at a time on the listening connection (pg does not take a query while one runs). */
  const send = (c: import('pg').Client, text: string): Promise<unknown> => {
    const sent = queue.then(() => c.query(text));
    queue = sent.catch(() => undefined);
    return sent;
  };

  const connect = async (): Promise<void> => {
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
    c.on('notification', (m) => {
      for (const fn of channels.get(m.channel) ?? []) fn(m.payload ?? '');
    });
    const lost = (err?: Error) => {
      if (client !== c) return;
      client = null;
      if (err) options.onError?.(err);
      c.end().catch(() => {});
      if (!closed) scheduleReconnect(backoff0);
    };
    c.on('error', lost);
    c.on('end', () => lost());
    await c.connect();
    // from here a channel subscribed meanwhile sends its own LISTEN (in turn); the ones known now are sent here
    client = c;
    try {
      for (const channel of [...channels.keys()]) await send(c, `LISTEN ${quoteIdent(channel)}`);
    } catch (err) {
      if (client === c) client = null;
      c.end().catch(() => {});
      throw err;
    }
  };

  const scheduleReconnect = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      connect().then(
        () => {
          for (const fns of channels.values()) for (const fn of fns) fn(null);
        },
        (err: Error) => {
          options.onError?.(err);
          if (!closed) scheduleReconnect(Math.min(maxBackoff, delay * 2));
        },
      );
    }, delay);
    timer.unref();
  };

  const listen = (async (channel, onNotify) => {
    const fresh = !channels.has(channel);
    if (fresh) channels.set(channel, new Set());
    channels.get(channel)!.add(onNotify);
    if (!started) {
      started = true;
      try {
        await connect();
      } catch (err) {
        options.onError?.(err as Error);
        scheduleReconnect(backoff0);
      }
    } else if (client && fresh) {
      await send(client, `LISTEN ${quoteIdent(channel)}`);
    }
    return async () => {
      const fns = channels.get(channel);
      fns?.delete(onNotify);
      if (fns && fns.size === 0) {
        channels.delete(channel);
        if (client) await send(client, `UNLISTEN ${quoteIdent(channel)}`).catch(() => {});
      }
    };
  }) as Listen & { close(): Promise<void> };
  listen.close = async () => {
    closed = true;
    clearTimeout(timer);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
  return listen;
}

/** Channel names are identifiers chosen by the platform (never input); quoted all the same. */
function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
