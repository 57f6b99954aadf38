import type { z } from 'zod';

/** Who may call a route: `anyone` (anonymous too, who sees the public projection), `signed-in` (commander, planner, admin), `editors` (planner, admin), `admin`. */
export type Access = 'anyone' | 'signed-in' | 'editors' | 'admin';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One documented answer of a route. */
export interface ResponseContract {
  description: string;
  /** Media type of the body, e.g. 'application/json', 'application/geo+json', 'text/event-stream'. */
  contentType?: string;
  /** The body's schema (JSON answers); the live-response test checks real answers against it. */
  schema?: z.ZodType;
}

/** A request the route × role walk sends to reach the handler without changing anything (unknown ids, empty bodies). */
export interface AccessExample {
  /** A concrete path (and query) for the route; defaults to the pattern itself. */
  path?: string;
  /** A JSON body to send. */
  body?: unknown;
  /** Streams (SSE): read the status and headers only. */
  stream?: boolean;
  /** Ends the caller's session (logout): the walk signs in afresh for it. */
  endsSession?: boolean;
}

/**
 * One route of the HTTP API: the single description from which the express route is mounted (its params, query and
 * body validated here), the OpenAPI document is generated, the route × role table is walked and the web's typed
 * client takes its types.
 */
export interface RouteContract {
  method: Method;
  /** The full express path pattern, prefix included: '/api/layers/:id', '/ogc/collections/:collectionId/items'. */
  path: string;
  access: Access;
  /** `handler`: the roles come from configuration (e.g. a hidden-hazard flow step) and the handler checks them, with a 403 that names what was refused; `access` documents the default. */
  accessCheckedBy?: 'handler';
  summary: string;
  description?: string;
  tags: readonly string[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  /**
   * The request body; `raw` bodies (file uploads) are read by the handler, not parsed as JSON. `validatedBy: 'handler'`:
   * the schema documents the body, the handler validates it (per layer, against the layer's field schema).
   */
  body?: { contentType: string; schema?: z.ZodType; raw?: boolean; validatedBy?: 'handler' };
  /** Every status the route answers with on purpose, keyed by status code. Errors use the one error shape. */
  responses: Readonly<Record<number, ResponseContract>>;
  example?: AccessExample;
}

/**
 * Declare a route's contract (an identity function that keeps the literal types for the handler and the client).
 * @example defineRoute({ method: 'GET', path: '/api/health', access: 'anyone', summary: 'Health', tags: ['system'], responses: { 200: { description: 'ok' } } })
 */
export function defineRoute<const C extends RouteContract>(contract: C): C {
  return contract;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

/** What a handler receives, parsed by the contract's schemas. */
export interface RouteInput<C extends RouteContract> {
  params: Out<C['params']>;
  query: Out<C['query']>;
  /** The parsed JSON body; undefined for raw bodies and bodies the handler validates itself (read `req.body`). */
  body: C['body'] extends { raw: true } | { validatedBy: 'handler' } ? undefined : C['body'] extends { schema: z.ZodType } ? z.output<C['body']['schema']> : undefined;
}

/** The JSON body of a route's answer with the given status (the web's typed client uses it). */
export type RouteAnswer<C extends RouteContract, S extends keyof C['responses'] = 200> = C['responses'][S] extends { schema: z.ZodType }
  ? z.output<C['responses'][S]['schema']>
  : unknown;
