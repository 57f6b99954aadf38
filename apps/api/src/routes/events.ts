import { Router } from 'express';
import type { AppDeps } from '../deps.js';
import type { Change } from '../events/change-bus.js';
import { eventsStream, type ServerEvent } from '@riskmap/contract';
import { HttpError } from '../http/http-error.js';
import { mountRoute } from '../http/mount-route.js';
import { roleOf } from '../http/role.js';

export interface EventsOptions {
  /** Milliseconds between heartbeat events that keep proxies from closing an idle stream and tell the client it is live. */
  heartbeatMs?: number;
  /** Open streams allowed per client address and per process. */
  maxPerAddress?: number;
  maxTotal?: number;
}

/** Beyond this many missed changes a reconnecting client is told to reload instead of replaying them. */
const REPLAY_MAX = 1000;

/**
 * `GET /api/events`: Server-Sent Events from the database's change table, one `change` message per
 * committed change (through the API, an import or plain SQL; from any process). Signed-in callers see
 * every change with the change id as the event id; anonymous callers see only changes to public rows,
 * numbered by their own gap-free public sequence (`id: p<n>`), so nothing reveals hidden edits.
 * `Last-Event-ID` resumes across processes and restarts; a `reset` event asks the client to reload
 * (history too long or pruned, or an id from another sequence). `heartbeat` events carry the current position.
 * Streams are capped per address and in total (429 `too_many_streams`).
 * @example const es = new EventSource('/api/events'); es.addEventListener('change', (e) => JSON.parse(e.data))
 */
export function eventsRouter(deps: Pick<AppDeps, 'changes'>, options: EventsOptions = {}): Router {
  const router = Router();
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const maxPerAddress = options.maxPerAddress ?? 8;
  const maxTotal = options.maxTotal ?? 1000;
  const perAddress = new Map<string, number>();
  let total = 0;

  mountRoute(router, eventsStream, async (req, res) => {
    const publicOnly = roleOf(req, res) === 'public';
    const address = req.ip ?? 'unknown';
    if (total >= maxTotal || (perAddress.get(address) ?? 0) >= maxPerAddress) {
      res.set('Retry-After', '10');
      throw new HttpError(429, 'too_many_streams', `too many open event streams (at most ${maxPerAddress} per address and ${maxTotal} in all); close another tab or retry later`, {
        perAddress: maxPerAddress,
        total: maxTotal,
      });
    }
    total++;
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      total--;
      const n = (perAddress.get(address) ?? 1) - 1;
      if (n <= 0) perAddress.delete(address);
      else perAddress.set(address, n);
    };

    const position = (c: Change) => (publicOnly ? c.publicSeq : c.seq);
    const eventId = (n: number) => (publicOnly ? `p${n}` : String(n));
    let sent = -1;
    let replaying = true;
    const buffered: Change[] = [];
    const send = (c: Change) => {
      const n = position(c);
      if (n === null || n <= sent) return;
      sent = n;
      const data: ServerEvent<'change'> = { seq: n, layer: c.layer, id: c.id, action: c.action, version: c.version, at: c.at };
      res.write(`id: ${eventId(n)}\nevent: change\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const unsubscribe = deps.changes.subscribe((c) => (replaying ? buffered.push(c) : send(c)));
    const heartbeat = setInterval(() => res.write(`event: heartbeat\ndata: ${JSON.stringify({ at: new Date().toISOString(), position: eventId(Math.max(sent, deps.changes.position(publicOnly))) })}\n\n`), heartbeatMs);
    const cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe();
      release();
    };
    req.on('close', cleanup);
    res.on('error', cleanup);

    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: 3000\n: connected\n\n`);

    try {
      const raw = String(req.get('last-event-id') ?? req.query.lastEventId ?? '');
      const match = /^(p?)(\d+)$/.exec(raw);
      if (raw !== '' && (!match || (match[1] === 'p') !== publicOnly)) {
        res.write(`event: reset\ndata: {"reason":"the last event id belongs to another audience"}\n\n`);
      } else if (match) {
        const lastId = Number(match[2]);
        await deps.changes.catchUp();
        const missed = await deps.changes.since(lastId, publicOnly, REPLAY_MAX + 1);
        if (lastId > deps.changes.position(publicOnly)) {
          res.write(`event: reset\ndata: {"reason":"the last event id is newer than the database (restored or replaced)"}\n\n`);
        } else if (lastId < (await deps.changes.prunedThrough(publicOnly))) {
          res.write(`event: reset\ndata: {"reason":"the last event id is older than the oldest change kept (CHANGES_KEEP_DAYS)"}\n\n`);
          sent = deps.changes.position(publicOnly);
        } else if (missed.length > REPLAY_MAX) {
          res.write(`event: reset\ndata: {"reason":"more than ${REPLAY_MAX} changes were missed"}\n\n`);
          sent = deps.changes.position(publicOnly);
        } else {
          for (const c of missed) send(c);
        }
      }
      if (sent < 0) sent = deps.changes.position(publicOnly);
    } catch {
      res.write(`event: reset\ndata: {"reason":"the change history cannot be read right now"}\n\n`);
      if (sent < 0) sent = deps.changes.position(publicOnly);
    } finally {
      replaying = false;
      for (const c of buffered.splice(0)) send(c);
    }
    res.write(`event: ready\ndata: ${JSON.stringify({ position: eventId(sent) })}\n\n`);
  });
  return router;
}
