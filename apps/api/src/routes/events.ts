import { Router } from 'express';
import { layerDescriptor } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import type { Change } from '../events/change-bus.js';
import { roleOf } from '../http/role.js';

export interface EventsOptions {
  /** Milliseconds between heartbeat comments that keep proxies from closing an idle stream. */
  heartbeatMs?: number;
}

/**
 * `GET /api/events`: Server-Sent Events, one `change` message per edit (`id:` = change seq; data = layer, id,
 * action, version); resumes after `Last-Event-ID`; heartbeat comments. Anonymous clients get only layers with
 * public fields.
 * @example const es = new EventSource('/api/events'); es.addEventListener('change', (e) => JSON.parse(e.data))
 */
export function eventsRouter(deps: Pick<AppDeps, 'changes'>, options: EventsOptions = {}): Router {
  const router = Router();
  const heartbeatMs = options.heartbeatMs ?? 15_000;

  router.get('/events', (req, res) => {
    const isPublic = roleOf(req, res) === 'public';
    const visible = (c: Change) => !isPublic || layerDescriptor(c.layer)?.publicColumns !== 'none';
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    const send = (c: Change) => {
      if (!visible(c)) return;
      const data = { seq: c.seq, layer: c.layer, id: c.id, action: c.action, version: c.version, at: c.at };
      res.write(`id: ${c.seq}\nevent: change\ndata: ${JSON.stringify(data)}\n\n`);
    };
    res.write(`retry: 3000\n: connected\n\n`);

    const lastId = Number(req.get('last-event-id') ?? req.query.lastEventId);
    if (Number.isInteger(lastId) && lastId >= 0) {
      const kept = deps.changes.since(0);
      const missed = deps.changes.since(lastId);
      const latest = kept.at(-1)?.seq ?? 0;
      // Older than what the bus keeps, or from before a server restart: the client must reload the layers.
      if ((missed.length > 0 && missed[0]!.seq > lastId + 1) || lastId > latest) res.write(`event: reset\ndata: {"reason":"history unavailable"}\n\n`);
      for (const c of missed) send(c);
    }

    const unsubscribe = deps.changes.subscribe(send);
    const heartbeat = setInterval(() => res.write(`: heartbeat ${Date.now()}\n\n`), heartbeatMs);
    const cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    req.on('close', cleanup);
    res.on('error', cleanup);
  });
  return router;
}
