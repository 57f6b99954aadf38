import { ROUTES, type Access, type RouteContract } from '@riskmap/contract';

/**
 * Who may call each mounted route — the table the route × role test walks (a route mounted without a row here, or a
 * row without a route, fails it). `anyone`: every role including anonymous (the public sees its projection);
 * `signed-in`: commander, planner, admin; `editors`: planner and admin; `admin`: admin only. `example` is a request
 * that reaches the route's handler without changing anything (unknown ids, empty bodies), used to check the access.
 * The rows come from the route contracts (`access` and `example`), the OGC API and the vector tiles included.
 */
export type { Access };

export interface RouteAccess {
  access: Access;
  /** A concrete path (and query) for the route; defaults to the pattern itself. */
  example?: string;
  /** A JSON body to send with the example. */
  body?: unknown;
  /** Streams (SSE): read the status and headers only. */
  stream?: boolean;
  /** Ends the caller's session (logout): the walk signs in afresh for it. */
  endsSession?: boolean;
}

/** A contract's row: its access and the walk's example. */
export function accessRow(c: RouteContract): RouteAccess {
  const e = c.example ?? {};
  return {
    access: c.access,
    ...(e.path ? { example: e.path } : {}),
    ...(e.body !== undefined ? { body: e.body } : {}),
    ...(e.stream ? { stream: true } : {}),
    ...(e.endsSession ? { endsSession: true } : {}),
  };
}

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  ...Object.fromEntries(ROUTES.map((c) => [`${c.method} ${c.path}`, accessRow(c)])),
};

/** The roles an access class lets through. */
export function rolesOf(access: Access): readonly ('public' | 'commander' | 'planner' | 'admin')[] {
  if (access === 'anyone') return ['public', 'commander', 'planner', 'admin'];
  if (access === 'signed-in') return ['commander', 'planner', 'admin'];
  if (access === 'editors') return ['planner', 'admin'];
  return ['admin'];
}
