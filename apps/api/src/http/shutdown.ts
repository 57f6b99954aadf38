import type { Server } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';

/**
 * Tracks the requests being answered so a shutdown can wait for them; event streams (SSE) do not count,
 * since they never finish by themselves.
 * @example const inFlight = new InFlight(); app.use(inFlight.middleware)
 */
export class InFlight {
  private readonly active = new Map<Response, boolean>();
  private waiters: (() => void)[] = [];

  readonly middleware: RequestHandler = (req, res, next) => {
    this.active.set(res, isEventStream(req));
    res.on('close', () => {
      this.active.delete(res);
      if (this.busy === 0) for (const w of this.waiters.splice(0)) w();
    });
    next();
  };

  /** Requests being answered, event streams excluded. */
  get busy(): number {
    let n = 0;
    for (const stream of this.active.values()) if (!stream) n += 1;
    return n;
  }

  /** Resolves once no (non-stream) request is being answered. */
  idle(): Promise<void> {
    return this.busy === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}

function isEventStream(req: Request): boolean {
  return (req.get('accept') ?? '').includes('text/event-stream') || req.path === '/api/events';
}

/**
 * Stop accepting connections, let the requests in flight finish (up to `timeoutMs`), then close the remaining
 * connections (event streams, idle keep-alive) and finally the database.
 * @example process.on('SIGTERM', () => gracefulShutdown(server, inFlight, () => db.close()).then(() => process.exit(0)))
 */
export async function gracefulShutdown(server: Server, inFlight: InFlight, closeDatabase: () => Promise<void>, timeoutMs = 10_000): Promise<{ timedOut: boolean }> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    inFlight.idle().then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
  ]);
  clearTimeout(timer);
  server.closeAllConnections();
  await closed;
  await closeDatabase();
  return { timedOut };
}
