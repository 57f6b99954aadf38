import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { LAYER_IDS } from '../enums-facilities.js';
import { IsoTime, errorAnswer } from './common.js';

/** An event id: the change id for signed-in callers, `p<n>` (the public sequence) for anonymous ones. */
export const EventPosition = z.string().regex(/^p?\d+$/).describe('event id: the change id (signed in) or p<n> (public sequence)');

/** `event: change` — one committed change (through the API, an import or plain SQL, from any process). */
export const ChangeEvent = z.object({
  seq: z.number().int().describe('position in the caller’s sequence (also the event id)'),
  layer: z.string().describe(`the layer changed: ${LAYER_IDS.join(', ')}`),
  id: z.number().int().nullable().describe('feature id; null when one change covers many rows (reload the layer)'),
  action: z.enum(['create', 'update', 'delete', 'restore']),
  version: z.number().int().nullable().describe('the row version after the change'),
  at: IsoTime,
});
/** `event: reset` — the client reloads what it shows (history too long, an id of the other audience, a restored database). */
export const ResetEvent = z.object({ reason: z.string() });
/** `event: heartbeat` — every 10 s: the stream is live, at this position. */
export const HeartbeatEvent = z.object({ at: IsoTime, position: EventPosition });
/** `event: ready` — caught up after connecting (and replaying from Last-Event-ID). */
export const ReadyEvent = z.object({ position: EventPosition });

/** The events of `GET /api/events` by SSE event name: the web types its listeners from these. */
export const SERVER_EVENTS = { change: ChangeEvent, reset: ResetEvent, heartbeat: HeartbeatEvent, ready: ReadyEvent } as const;
export type ServerEventName = keyof typeof SERVER_EVENTS;
export type ServerEvent<N extends ServerEventName> = z.output<(typeof SERVER_EVENTS)[N]>;

export const eventsStream = defineRoute({
  method: 'GET',
  path: '/api/events',
  access: 'anyone',
  summary: 'Server-Sent Events from the change table: one `change` event per committed change (layer, id, action, version); resumes after Last-Event-ID on any process',
  description:
    'Event ids are the database change ids for signed-in callers; anonymous callers see only changes to public rows and columns, numbered by a public sequence of their own (`p<n>`). ' +
    'A `reset` event asks the client to reload (too many missed changes, or an id from the other sequence); `heartbeat` events every 10 s; `ready` once caught up. ' +
    'Open streams are capped per address and per process (429 `too_many_streams`). Event data: change {seq, layer, id, action, version, at}; reset {reason}; heartbeat {at, position}; ready {position}.',
  tags: ['editing'],
  query: z.object({ lastEventId: z.string().optional().describe('the Last-Event-ID, for clients that cannot send the header') }),
  responses: {
    200: { description: 'text/event-stream of change, reset, heartbeat and ready events', contentType: 'text/event-stream' },
    429: errorAnswer('too many open streams; Retry-After (code too_many_streams)'),
  },
  example: { stream: true },
});

export const EVENT_ROUTES = [eventsStream] as const;
